// One theme's results: a diverging bar chart per statement (in the order the facilitator picks,
// with the neutral answer in the middle of the bar or apart),
// the ladder, the mirror questions and the open answers. Figures of roles below k never reach
// this page.
import { error, redirect } from '@sveltejs/kit';
import { chartDownload, ladderChart, mainComparison, mirrorChart, sortItems, statementChart, type ItemOrder } from '$lib/charts/chart-data';
import type { NeutralPlacement } from '$lib/charts/shapes';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { latestRelease } from '$lib/server/releases';
import type { PageServerLoad } from './$types';

const ORDERS: ItemOrder[] = ['scan', 'verschil', 'eens'];

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const { params, url } = event;
	const release = latestRelease(db(), pilot.id);
	if (!release) redirect(303, `/pilots/${pilot.id}#uitkomsten`);
	const results = release.results;
	const index = results.themes.findIndex((t) => t.id === params.theme);
	if (index < 0) error(404, 'Dit thema bestaat niet in deze pilot.');
	const theme = results.themes[index];
	const asked = url.searchParams.get('sorteer') as ItemOrder | null;
	const order: ItemOrder = asked && ORDERS.includes(asked) ? asked : 'scan';
	const neutral: NeutralPlacement = url.searchParams.get('neutraal') === 'apart' ? 'apart' : 'midden';
	const neighbour = (i: number) => (results.themes[i] ? { id: results.themes[i].id, title: results.themes[i].title } : null);
	const mirror = mirrorChart(results, theme, pilot.scan, pilot.mirror);

	return {
		theme: { id: theme.id, title: theme.title, number: index + 1, count: results.themes.length, scores: theme.scores },
		roles: results.roles,
		minGroupSize: results.minGroupSize,
		comparison: results.comparison,
		order,
		neutral,
		statements: sortItems(results, theme.items, order).map((item) => {
			const chart = statementChart(results, item, neutral);
			return {
				id: item.id,
				number: item.number,
				text: item.text,
				comparison: mainComparison(results, item),
				means: Object.fromEntries(results.roles.map((r) => [r.role, item.byRole[r.role]?.mean ?? null])),
				divided: results.roles.filter((r) => !r.suppressed && item.disagreement[r.role] === true).map((r) => r.label),
				chart,
				download: chartDownload(pilot, chart)
			};
		}),
		ladders: theme.ladders.map((l) => {
			const chart = ladderChart(results, l);
			return { chart, download: chartDownload(pilot, chart) };
		}),
		mirror: mirror && { chart: mirror, download: chartDownload(pilot, mirror) },
		open: theme.open.map((q) => ({
			id: q.id,
			text: q.text,
			byRole: results.roles.map((r) => ({ role: r.role, label: r.label, answers: r.suppressed ? null : (q.byRole[r.role] ?? null) }))
		})),
		previous: neighbour(index - 1),
		next: neighbour(index + 1)
	};
};
