// The draft agenda on hand-made results where the kinds and the order are known, and on the
// hand-computed data set through analysePilot, where hidden roles must leave no trace.
import { describe, expect, it } from 'vitest';
import { agendaCandidates, draftAgenda, type AgendaTopic } from './agenda';
import type { ItemResult, MirrorResult, PilotResults, ThemeResult } from './aggregate';
import type { ItemStats } from './stats';
import { run } from './test-scan';

const THRESHOLDS = {
	differenceDelta: 0.33,
	sharedStrengthMean: 3.75,
	sharedConcernMean: 3.0,
	unknownShare: 0.25,
	misjudgedMirror: 0.75,
	disagreementShare: 0.3
};

/** Figures of a role on a statement: only what the agenda reads is filled in. */
const stats = (mean: number, dontKnow = 0, n = 10): ItemStats => ({
	n,
	dontKnow,
	missing: 0,
	counts: [0, 0, 0, 0, 0],
	mean,
	median: null,
	agree: null,
	disagree: null,
	sd: null
});

let number = 0;
function item(id: string, raad: ItemStats | null, gemeente: ItemStats | null, delta?: number, mirrors: MirrorResult[] = []): ItemResult {
	return {
		id,
		number: ++number,
		text: id,
		byRole: { raad, gemeente, bestuur: null },
		disagreement: {},
		comparisons: delta === undefined ? [] : [{ a: 'raad', b: 'gemeente', gap: raad!.mean! - gemeente!.mean!, delta, label: 'large' }],
		thin: [raad, gemeente].some((s) => s === null) ? ['gemeente'] : [],
		mirrors
	};
}

const theme = (id: string, items: ItemResult[], open: ThemeResult['open'] = []): ThemeResult => ({
	id,
	title: id,
	scores: {},
	items,
	ladders: [],
	open
});

function results(themes: ThemeResult[], thresholds = THRESHOLDS): PilotResults {
	return {
		minGroupSize: 5,
		roles: [
			{ role: 'raad', label: 'Raad', suppressed: false, respondents: 10 },
			{ role: 'gemeente', label: 'Gemeente', suppressed: false, respondents: 10 },
			{ role: 'bestuur', label: 'Bestuur', suppressed: true, respondents: null }
		],
		comparison: ['raad', 'gemeente'],
		thresholds,
		themes
	};
}

// s1 both low (a shared concern, though no difference); s2 a large difference; s3 both high;
// s4 and s5 tie as shared concerns (the higher mean of the two is 3.0 in both); s6 many raad
// members do not know; s7 a difference and a misjudged mirror; s8 gemeente too thin to compare;
// s9 ties with s7 on difference.
function handMade(thresholds = THRESHOLDS): PilotResults {
	number = 0;
	const misjudged: MirrorResult = { role: 'raad', target: 'gemeente', predicted: 2, actual: 3.5, difference: -1.5 };
	return results(
		[
			theme('thema-a', [
				item('s1', stats(1.5), stats(1.5), 0),
				item('s2', stats(2), stats(4.2), -0.8),
				item('s3', stats(4), stats(4.5), -0.2),
				item('s4', stats(3), stats(3), 0),
				item('s5', stats(2.8), stats(3), -0.1)
			]),
			theme(
				'thema-b',
				[
					item('s6', stats(3.4, 4, 6), stats(3.3), 0.05),
					item('s7', stats(3), stats(3.5, 1), -0.5, [misjudged]),
					item('s8', stats(1), null),
					item('s9', stats(3.6), stats(3.1), 0.5)
				],
				[{ id: 'b-open', text: 'Nog iets?', byRole: { raad: ['Meer uitleg', 'Vaker overleg', 'Goed zo'], gemeente: [], bestuur: null } }]
			)
		],
		thresholds
	);
}

const keys = (topics: AgendaTopic[]) => topics.map((t) => t.key);

describe('agendaCandidates', () => {
	it('finds every kind by its rule, strongest first within a kind, ties in scan order', () => {
		expect(keys(agendaCandidates(handMade()))).toEqual([
			'sharedStrength:s3',
			'difference:s2',
			'difference:s7',
			'difference:s9',
			'sharedConcern:s1',
			'sharedConcern:s4',
			'sharedConcern:s5',
			'misjudged:s7:raad:gemeente',
			'unknown:s6',
			'openAnswers:thema-b'
		]);
	});

	it('gives the figures that explain each topic', () => {
		const byKey = new Map(agendaCandidates(handMade()).map((t) => [t.key, t]));
		expect(byKey.get('difference:s2')).toMatchObject({ themeId: 'thema-a', itemId: 's2', strength: 0.8 });
		expect(byKey.get('difference:s2')!.figures).toEqual({
			kind: 'difference',
			a: 'raad',
			b: 'gemeente',
			meanA: 2,
			meanB: 4.2,
			delta: -0.8
		});
		// 4 of the 10 raad members who answered said "weet niet"; gemeente none.
		expect(byKey.get('unknown:s6')!.figures).toEqual({ kind: 'unknown', roles: [{ role: 'raad', share: 0.4, dontKnow: 4, answered: 10 }] });
		expect(byKey.get('misjudged:s7:raad:gemeente')!.figures).toMatchObject({ kind: 'misjudged', mirror: { predicted: 2, actual: 3.5 } });
		expect(byKey.get('openAnswers:thema-b')).toMatchObject({ itemId: null, figures: { kind: 'openAnswers', answers: 3 } });
	});

	it('reads nothing of a statement where a main role is too thin to show', () => {
		expect(agendaCandidates(handMade()).filter((t) => t.itemId === 's8')).toEqual([]);
	});

	it('follows the thresholds of the scan (at the boundary a topic counts)', () => {
		const strict = handMade({ ...THRESHOLDS, differenceDelta: 0.8, sharedConcernMean: 1.5, unknownShare: 0.41, misjudgedMirror: 1.6 });
		expect(keys(agendaCandidates(strict))).toEqual(['sharedStrength:s3', 'difference:s2', 'sharedConcern:s1', 'openAnswers:thema-b']);
	});
});

describe('draftAgenda', () => {
	it('takes the strongest few per kind, each statement once, in conversation order', () => {
		// The misjudged mirror of s7 is left out: s7 is on the draft already as a difference.
		expect(keys(draftAgenda(handMade()))).toEqual([
			'sharedStrength:s3',
			'difference:s2',
			'difference:s7',
			'difference:s9',
			'sharedConcern:s1',
			'sharedConcern:s4',
			'unknown:s6',
			'openAnswers:thema-b'
		]);
	});

	it('is empty when nothing meets a rule', () => {
		number = 0;
		expect(draftAgenda(results([theme('t', [item('x', stats(3.4), stats(3.5), -0.1)])]))).toEqual([]);
	});
});

describe('the agenda of the hand-computed data set', () => {
	const roleIds = (t: AgendaTopic): string[] => {
		const f = t.figures;
		if (f.kind === 'unknown') return f.roles.map((r) => r.role);
		if (f.kind === 'misjudged') return [f.mirror.role, f.mirror.target];
		if (f.kind === 'openAnswers') return [];
		return [f.a, f.b];
	};

	it('names only roles that are shown, and nothing of the main pair when one of them is hidden', () => {
		const all = agendaCandidates(run());
		expect(all.length).toBeGreaterThan(0);
		expect(all.flatMap(roleIds).every((r) => r === 'raad' || r === 'gemeente')).toBe(true);
		// At k = 4 gemeente is hidden: no difference, shared topic or mirror involves it.
		const small = agendaCandidates(run({ minGroupSize: 4 }));
		expect(small.flatMap(roleIds)).not.toContain('gemeente');
		expect(small.filter((t) => ['difference', 'sharedStrength', 'sharedConcern'].includes(t.kind))).toEqual([]);
	});
});
