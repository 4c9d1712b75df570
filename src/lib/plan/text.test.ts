// The plan as text for an e-mail: every action's title, owner, month, status (overdue in words),
// sign of success and latest progress, one field per line, no markup.
import { describe, expect, it } from 'vitest';
import { planText } from './text';
import { describePlan } from './words';
import type { PlanAction } from './rules';

const base: PlanAction = {
	id: 1,
	position: 1,
	title: 'Vaste vergadering met de wethouder',
	whyTopicId: 3,
	whyText: 'De raad hoort\nte laat van plannen.',
	ownerKind: 'anders',
	ownerName: 'Werkgroep Inkomen',
	dueMonth: '2026-01',
	priority: 'hoog',
	status: 'bezig',
	successSign: 'Elk plan eerst naar de raad.',
	links: [{ kind: 'item', ref: 'doel-1' }],
	progress: [
		{ id: 1, day: '2026-01-05', text: 'Eerste afspraak.' },
		{ id: 2, day: '2026-02-02', text: 'Tweede overleg gehouden.' }
	]
};
const words = {
	theme: (id: string) => `Thema ${id}`,
	item: (id: string) => `Stelling ${id}`,
	topic: () => 'Verschil: Samen doelen stellen'
};

describe('the plan as text', () => {
	it('has every field of every action on a line of its own', () => {
		const actions = describePlan(
			[base, { ...base, id: 2, position: 2, title: 'Tweede actie', status: 'uitgevoerd', progress: [] }],
			words,
			'2026-03-01'
		);
		const text = planText('Plan van aanpak – Zuidstad (Nulmeting)', '1 maart 2026', actions);
		expect(text).toContain('1. Vaste vergadering met de wethouder\n');
		expect(text).toContain('   Waarom: Verschil: Samen doelen stellen – De raad hoort te laat van plannen.\n');
		expect(text).toContain('   Wie: Werkgroep Inkomen\n');
		expect(text).toContain('   Klaar in: januari 2026\n');
		expect(text).toContain('   Status: Bezig (te laat)\n');
		expect(text).toContain('   Hoe zien we dat het werkt: Elk plan eerst naar de raad.\n');
		expect(text).toContain('   Gaat over: Stelling doel-1\n');
		expect(text).toContain('   Laatste voortgang: 2 februari 2026: Tweede overleg gehouden.\n');
		expect(text).toContain('2. Tweede actie\n');
		expect(text).toContain('   Status: Uitgevoerd\n');
		expect(text).not.toMatch(/[<>*#]/);
	});
	it('says so when the plan is empty', () => {
		expect(planText('Plan', '1 maart 2026', [])).toContain('Er staan nog geen acties in het plan van aanpak.');
	});
});
