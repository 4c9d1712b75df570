// The benchmark's distribution and each of its disclosure rules (1-6), one describe per rule.
import { describe, expect, it } from 'vitest';
import {
	benchmarkView,
	contributionOf,
	distributionOf,
	mayRemake,
	membershipChange,
	minPilotsSetting,
	oneDecimal,
	pilotBand,
	placeOf,
	type Contribution,
	type CouncilType,
	type Viewer
} from './rules';

const contribution = (pilotId: number, value: number, councilType: CouncilType = 'clientenraad'): Contribution => ({
	pilotId,
	councilType,
	values: { raad: { invloed: value } }
});
const viewer = (over: Partial<Viewer> = {}): Viewer => ({
	pilotId: 999,
	councilType: 'clientenraad',
	respondents: { raad: 8 },
	own: { raad: { invloed: 3.04 } },
	...over
});
const view = (v: Viewer, list: Contribution[], k = 5) => benchmarkView(v, list, ['raad'], ['invloed'], k);
const cellOf = (v: Viewer, list: Contribution[], k = 5, grouping = 0) => view(v, list, k)[grouping].roles[0].cells[0];

describe('the distribution', () => {
	it('gives median, quartiles and range of the values, linear between ranks', () => {
		expect(distributionOf([1, 2, 3, 4, 5])).toEqual({ pilots: { from: 5, to: 9 }, median: 3, spread: { q1: 2, q3: 4, min: 1, max: 5 } });
		expect(distributionOf([4, 1, 3, 2, 5, 6])).toMatchObject({ median: 3.5, spread: { q1: 2.3, q3: 4.8, min: 1, max: 6 } });
	});
	it("places a pilot's own score in a quarter", () => {
		const d = distributionOf([1, 2, 3, 4, 5]);
		expect([1.5, 2.5, 3, 4, 4.5].map((v) => placeOf(v, d))).toEqual([
			'lowest-quarter',
			'second-quarter',
			'third-quarter',
			'third-quarter',
			'highest-quarter'
		]);
	});
});

describe('rule 1: each pilot counted once, by its own means', () => {
	it('takes one value per pilot and role x theme, however many respondents it had', () => {
		const big = contributionOf({ id: 1, councilType: 'adviesraad' }, { raad: 400, gemeente: 5 }, [
			{ theme: 'invloed', role: 'raad', score: 2.25 },
			{ theme: 'invloed', role: 'gemeente', score: 4 }
		]);
		expect(big).toEqual({ pilotId: 1, councilType: 'adviesraad', values: { raad: { invloed: 2.25 }, gemeente: { invloed: 4 } } });
		// Five small pilots at 4 and one of 400 respondents at 1: the median stays 4.
		const list = [...[2, 3, 4, 5, 6].map((id) => contribution(id, 4)), contribution(7, 1)];
		const cell = cellOf(viewer(), list);
		expect(cell.shown && cell.distribution.median).toBe(4);
	});
});

describe('rule 2: a role contributes only with at least 5 respondents, whatever the pilot k', () => {
	it('leaves out a role of 4 even when the pilot showed it (k 3)', () => {
		const c = contributionOf({ id: 1, councilType: 'adviesraad' }, { raad: 4, gemeente: 5 }, [
			{ theme: 'invloed', role: 'raad', score: 2 },
			{ theme: 'invloed', role: 'gemeente', score: 4 }
		]);
		expect(c?.values).toEqual({ gemeente: { invloed: 4 } });
	});
	it('leaves out a pilot without any contributing role, and suppressed scores', () => {
		expect(contributionOf({ id: 1, councilType: 'adviesraad' }, { raad: 9 }, [{ theme: 'invloed', role: 'raad', score: null }])).toBeNull();
	});
	it('tells a viewer whose own role is below 5 so, and shows no own score or place', () => {
		const list = [1, 2, 3, 4, 5].map((id) => contribution(id, id));
		const role = view(viewer({ respondents: { raad: 4 } }), list)[0].roles[0];
		expect(role.ownTooSmall).toBe(true);
		expect(role.cells[0]).toMatchObject({ shown: true, own: null, place: null });
	});
});

describe('rule 3: a cell shows only with at least K other contributing pilots', () => {
	const five = [1, 2, 3, 4, 5].map((id) => contribution(id, 2 + id / 10));
	it('needs K others: the viewer itself never counts', () => {
		expect(cellOf(viewer(), five.slice(0, 4))).toMatchObject({ shown: false, reason: 'few-pilots' });
		expect(cellOf(viewer(), five)).toMatchObject({ shown: true });
		expect(cellOf(viewer({ pilotId: 5 }), five)).toMatchObject({ shown: false, reason: 'few-pilots' });
	});
	it('counts per cell: a pilot without that role does not count', () => {
		const list = [...five.slice(0, 4), { pilotId: 5, councilType: 'clientenraad' as const, values: { gemeente: { invloed: 3 } } }];
		expect(cellOf(viewer(), list)).toMatchObject({ shown: false });
	});
	it('takes K from the setting, never below 5 (7 advised)', () => {
		expect(minPilotsSetting(undefined)).toBe(5);
		expect(minPilotsSetting('3')).toBe(5);
		expect(minPilotsSetting('7')).toBe(7);
		expect(minPilotsSetting('zeven')).toBe(5);
		expect(cellOf(viewer(), five, 7)).toMatchObject({ shown: false });
		// A lower number passed in is lifted to the floor: four others stay too few.
		expect(cellOf(viewer(), five.slice(0, 4), 2)).toMatchObject({ shown: false, reason: 'few-pilots' });
	});
});

describe('rule 4: fixed groupings, each with a large enough complement', () => {
	const same = [1, 2, 3, 4, 5].map((id) => contribution(id, 3));
	const other = [6, 7, 8, 9].map((id) => contribution(id, 2, 'adviesraad'));
	it("offers only all pilots and the viewer's own council type", () => {
		expect(view(viewer(), same).map((g) => g.grouping)).toEqual([{ kind: 'all' }, { kind: 'council', councilType: 'clientenraad' }]);
	});
	it('hides the council type while its complement has fewer than K', () => {
		expect(cellOf(viewer(), [...same, ...other], 5, 1)).toMatchObject({ shown: false, reason: 'complement-too-small' });
		const cell = cellOf(viewer(), [...same, ...other, contribution(10, 2, 'adviesraad-werkgroep')], 5, 1);
		expect(cell).toMatchObject({ shown: true, distribution: { median: 3, spread: null } });
	});
	it('hides the council type when it has fewer than K itself', () => {
		expect(cellOf(viewer({ councilType: 'adviesraad' }), [...same, ...other], 5, 1)).toMatchObject({ shown: false, reason: 'few-pilots' });
	});
});

describe('rule 5: a snapshot is remade only when at least 2 pilots joined or left', () => {
	it('counts joins and leaves together', () => {
		expect(membershipChange([1, 2, 3], [1, 2, 3, 4])).toBe(1);
		expect(membershipChange([1, 2, 3], [2, 3, 4])).toBe(2);
		expect(mayRemake([1, 2, 3], [1, 2, 3, 4])).toBe(false);
		expect(mayRemake([1, 2, 3], [1, 2])).toBe(false);
		expect(mayRemake([1, 2, 3], [1, 2, 3, 4, 5])).toBe(true);
		expect(mayRemake([1, 2, 3], [1])).toBe(true);
		expect(mayRemake(null, [])).toBe(true);
	});
});

describe('rule 6: one decimal, pilots as a band, no spread when all agree', () => {
	it('rounds every figure to one decimal, the own score too', () => {
		const list = [1, 2, 3, 4, 5, 6].map((id) => contribution(id, 2 + id / 7));
		const cell = cellOf(viewer(), list);
		if (!cell.shown) throw new Error('hidden');
		const numbers = [cell.own!, cell.distribution.median, ...Object.values(cell.distribution.spread!)];
		for (const n of numbers) expect(n).toBe(oneDecimal(n));
		expect(cell.own).toBe(3);
	});
	it('names bands, never the number', () => {
		expect([5, 9, 10, 19, 20, 49, 50, 100, 999].map((n) => pilotBand(n))).toEqual([
			{ from: 5, to: 9 },
			{ from: 5, to: 9 },
			{ from: 10, to: 19 },
			{ from: 10, to: 19 },
			{ from: 20, to: 49 },
			{ from: 20, to: 49 },
			{ from: 50, to: 99 },
			{ from: 100, to: 199 },
			{ from: 500, to: null }
		]);
	});
	it('shows no spread when all pilots agree (at one decimal), and places against the median', () => {
		const list = [1, 2, 3, 4, 5].map((id) => contribution(id, 3.01 + id / 1000));
		const cell = cellOf(viewer({ own: { raad: { invloed: 3.5 } } }), list);
		expect(cell).toMatchObject({ shown: true, distribution: { median: 3, spread: null }, place: 'above' });
	});
});
