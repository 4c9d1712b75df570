// The pure rules of the plan: the overdue rule at the turn of a month, the overview by status and
// month, days and months as typed, and which ids an action may link to.
import { describe, expect, it } from 'vitest';
import { SCAN } from '$lib/analysis/test-scan';
import { isDay, isMonth, isOverdue, latestProgress, linksExist, linkTargets, planOverview, type PlanAction } from './rules';

const action = (id: number, overrides: Partial<PlanAction> = {}): PlanAction => ({
	id,
	position: id,
	title: `Actie ${id}`,
	whyTopicId: null,
	whyText: '',
	ownerKind: 'samen',
	ownerName: '',
	dueMonth: '2026-03',
	priority: 'middel',
	status: 'gepland',
	successSign: '',
	links: [],
	progress: [],
	...overrides
});

describe('overdue', () => {
	it('is an open action whose month is before the current month', () => {
		expect(isOverdue(action(1, { dueMonth: '2026-02' }), '2026-03-01')).toBe(true);
		expect(isOverdue(action(1, { dueMonth: '2025-12', status: 'bezig' }), '2026-01-15')).toBe(true);
	});
	it('is not the month itself, a later month, or a done or stopped action', () => {
		expect(isOverdue(action(1, { dueMonth: '2026-03' }), '2026-03-31')).toBe(false);
		expect(isOverdue(action(1, { dueMonth: '2026-04' }), '2026-03-31')).toBe(false);
		expect(isOverdue(action(1, { dueMonth: '2026-01', status: 'uitgevoerd' }), '2026-03-01')).toBe(false);
		expect(isOverdue(action(1, { dueMonth: '2026-01', status: 'gestopt' }), '2026-03-01')).toBe(false);
	});
});

describe('the overview', () => {
	it('counts per status and overdue, and groups by month in order, each month in plan order', () => {
		const overview = planOverview(
			[
				action(3, { position: 1, dueMonth: '2026-05' }),
				action(1, { position: 3, dueMonth: '2026-01', status: 'bezig' }),
				action(2, { position: 2, dueMonth: '2026-05', status: 'uitgevoerd' }),
				action(4, { position: 4, dueMonth: '2025-11', status: 'gestopt' })
			],
			'2026-02-10'
		);
		expect(overview.total).toBe(4);
		expect(overview.byStatus).toEqual({ gepland: 1, bezig: 1, uitgevoerd: 1, gestopt: 1 });
		expect(overview.overdue).toBe(1);
		expect(overview.months.map((m) => m.month)).toEqual(['2025-11', '2026-01', '2026-05']);
		expect(overview.months[1].actions).toEqual([{ id: 1, title: 'Actie 1', status: 'bezig', overdue: true }]);
		expect(overview.months[2].actions.map((a) => a.id)).toEqual([3, 2]);
	});
	it('is empty for an empty plan', () => {
		expect(planOverview([], '2026-02-10')).toMatchObject({ total: 0, overdue: 0, months: [] });
	});
});

describe('days, months and progress', () => {
	it('accepts months and days as stored, nothing else', () => {
		expect(['2026-01', '2026-12'].every(isMonth)).toBe(true);
		expect(['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', ' 2026-01'].some(isMonth)).toBe(false);
		expect(isDay('2024-02-29')).toBe(true);
		expect(['2026-02-29', '2026-04-31', '2026-1-01', 'gisteren'].some(isDay)).toBe(false);
	});
	it('takes the latest progress by day, then by the order typed in', () => {
		const progress = [
			{ id: 1, day: '2026-03-05', text: 'a' },
			{ id: 3, day: '2026-02-01', text: 'b' },
			{ id: 2, day: '2026-03-05', text: 'c' }
		];
		expect(latestProgress({ progress })?.text).toBe('c');
		expect(latestProgress({ progress: [] })).toBeNull();
	});
});

describe('link targets', () => {
	it('are the themes and scored statements of the variant, no open questions', () => {
		const full = linkTargets(SCAN, 'full');
		expect(full.themes[0]).toEqual({ id: 'thema-a', items: ['a-1', 'a-2', 'a-3', 'a-ladder'] });
		expect(linkTargets(SCAN, 'short').themes[0].items).toEqual(['a-1', 'a-3', 'a-ladder']);
		expect(
			linksExist(
				[
					{ kind: 'theme', ref: 'thema-a' },
					{ kind: 'item', ref: 'a-2' }
				],
				full
			)
		).toBe(true);
		expect(linksExist([{ kind: 'item', ref: 'a-2' }], linkTargets(SCAN, 'short'))).toBe(false);
		expect(linksExist([{ kind: 'item', ref: 'a-open' }], full)).toBe(false);
		expect(linksExist([{ kind: 'theme', ref: 'a-1' }], full)).toBe(false);
		expect(linksExist([{ kind: 'item', ref: 'bestaat-niet' }], full)).toBe(false);
	});
});
