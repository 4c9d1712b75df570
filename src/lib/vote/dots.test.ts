// The rules of the dot vote: a set of dots is whole numbers, at least one and at most three in
// all; the tally adds up per option in the agenda's order; leaders and ranking on ties.
import { describe, expect, it } from 'vitest';
import { checkAllocation, leaders, optionTitle, ranked, tallyPoints, VOTE_DOTS } from './dots';

const options = [
	{ key: 'topic:1', title: 'Overleg' },
	{ key: 'topic:2', title: 'Vergoeding' },
	{ key: 'topic:3', title: 'Informatie' }
];

describe('checkAllocation', () => {
	it('accepts one to three dots over the options, by place, and keeps only options with dots', () => {
		expect(checkAllocation(options, ['1', '', '2'])).toEqual({ ok: true, allocation: { 'topic:1': 1, 'topic:3': 2 }, total: 3 });
		expect(checkAllocation(options, ['0', '3'])).toEqual({ ok: true, allocation: { 'topic:2': 3 }, total: 3 });
		expect(checkAllocation(options, [undefined, ' 1 '])).toMatchObject({ ok: true, total: 1 });
	});

	it('refuses no dots at all', () => {
		expect(checkAllocation(options, [])).toEqual({ ok: false, problem: 'none', total: 0 });
		expect(checkAllocation(options, ['0', '0', '0'])).toMatchObject({ ok: false, problem: 'none' });
	});

	it('refuses more than three dots in all, even when each option is within bounds', () => {
		expect(checkAllocation(options, ['2', '2'])).toEqual({ ok: false, problem: 'too-many', total: 4 });
		expect(checkAllocation(options, ['3', '3', '3'])).toMatchObject({ ok: false, problem: 'too-many', total: 9 });
	});

	it('refuses a forged value as a whole: 99, negative, fraction, text, or more fields than options', () => {
		for (const bad of ['99', '4', '-1', '1.5', 'abc', '1e0', '０', '\u0000'])
			expect(checkAllocation(options, [bad]), bad).toMatchObject({ ok: false, problem: 'malformed' });
		expect(checkAllocation(options, ['1', '0', '0', '1'])).toMatchObject({ ok: false, problem: 'malformed' });
	});

	it('has three dots', () => expect(VOTE_DOTS).toBe(3));

	it('words an option in the language asked for, else as it was opened', () => {
		const option = { key: 'topic:1', title: 'Overleg', titles: { nl: 'Overleg', en: 'Consultation' } };
		expect(optionTitle(option, 'en')).toBe('Consultation');
		expect(optionTitle(option, 'de')).toBe('Overleg');
		expect(optionTitle({ key: 'topic:2', title: 'Eigen' }, 'en')).toBe('Eigen');
	});
});

describe('the tally', () => {
	const tally = tallyPoints(options, [{ 'topic:2': 3 }, { 'topic:1': 1, 'topic:2': 2 }, { 'topic:3': 3, 'topic:9': 3 }]);

	it('adds up per option in the order of the options and ignores unknown keys', () => {
		expect(tally.map((o) => o.points)).toEqual([1, 5, 3]);
	});

	it('names the leaders (all of them on a tie, none before any dot) and ranks with ties in agenda order', () => {
		expect(leaders(tally).map((o) => o.key)).toEqual(['topic:2']);
		expect(leaders(tallyPoints(options, [{ 'topic:1': 2 }, { 'topic:3': 2 }])).map((o) => o.key)).toEqual(['topic:1', 'topic:3']);
		expect(leaders(tallyPoints(options, []))).toEqual([]);
		expect(ranked(tallyPoints(options, [{ 'topic:3': 1, 'topic:2': 1 }])).map((o) => o.key)).toEqual(['topic:2', 'topic:3', 'topic:1']);
	});
});
