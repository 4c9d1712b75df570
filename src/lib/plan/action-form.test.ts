// The action form's checks: every message at once, the rules between fields, month and year
// together, lists of ticked boxes, and long text refused with a Dutch message.
import { describe, expect, it } from 'vitest';
import { actionFormValues, checkActionForm, dueMonth, formLinks } from './action-form';

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
	return data;
};
const valid = {
	titel: 'Vaste vergadering',
	waarom: 'De raad hoort te laat van plannen.',
	eigenaar: 'samen',
	maand: '06',
	jaar: '2026',
	prioriteit: 'hoog',
	teken: '',
	thema: ['doel'],
	stelling: ['doel-1', 'doel-2']
};

describe('the action form', () => {
	it('reads a valid form, with the ticked boxes as links', () => {
		const checked = checkActionForm(form(valid), false);
		expect('data' in checked).toBe(true);
		if (!('data' in checked)) return;
		expect(dueMonth(checked.data)).toBe('2026-06');
		expect(formLinks(checked.data)).toEqual([
			{ kind: 'theme', ref: 'doel' },
			{ kind: 'item', ref: 'doel-1' },
			{ kind: 'item', ref: 'doel-2' }
		]);
	});

	it('gives every message at once, the rules between fields included', () => {
		const checked = checkActionForm(form({ titel: ' ', eigenaar: 'anders', maand: '13', jaar: '26', prioriteit: 'hoog' }), true);
		expect(checked).toEqual({
			errors: {
				titel: 'Schrijf op wat u gaat doen.',
				maand: 'Kies de maand en het jaar waarin de actie klaar is.',
				jaar: 'Kies de maand en het jaar waarin de actie klaar is.',
				eigenaarnaam: 'Schrijf de naam op van wie de actie uitvoert.',
				waarom: 'Kies een onderwerp van de agenda of schrijf op waarom.',
				status: 'Kies hoe ver de actie is.'
			}
		});
	});

	it('refuses long text, an e-mail address as owner, and unknown codes', () => {
		const checked = checkActionForm(
			form({
				...valid,
				titel: 'x'.repeat(201),
				eigenaar: 'anders',
				eigenaarnaam: 'jan@example.nl',
				prioriteit: 'heel hoog',
				status: 'klaar'
			}),
			true
		);
		expect('errors' in checked && checked.errors).toMatchObject({
			titel: 'Dit is te lang. Gebruik ten hoogste 200 tekens.',
			eigenaarnaam: 'Schrijf hier alleen een naam, geen e-mailadres.',
			prioriteit: 'Kies hoe belangrijk de actie is.',
			status: 'Kies hoe ver de actie is.'
		});
	});

	it('takes a topic of the agenda as reason enough', () => {
		expect('data' in checkActionForm(form({ ...valid, waarom: '', onderwerp: '12' }), false)).toBe(true);
	});

	it('turns a stored action back into the form’s values', () => {
		const values = actionFormValues({
			id: 1,
			position: 1,
			title: 'T',
			whyTopicId: 7,
			whyText: '',
			ownerKind: 'raad',
			ownerName: '',
			dueMonth: '2027-01',
			priority: 'laag',
			status: 'bezig',
			successSign: 'S',
			links: [
				{ kind: 'item', ref: 'doel-1' },
				{ kind: 'theme', ref: 'doel' }
			],
			progress: []
		});
		expect(values).toMatchObject({ onderwerp: '7', maand: '01', jaar: '2027', thema: ['doel'], stelling: ['doel-1'] });
	});
});
