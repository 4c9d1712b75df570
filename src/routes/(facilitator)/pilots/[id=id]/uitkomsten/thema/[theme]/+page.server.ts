// One theme's results: a diverging bar chart per statement (in the order the facilitator picks,
// with the neutral answer in the middle of the bar or apart),
// the ladder, the mirror questions and the open answers. Figures of roles below k never reach
// this page; the order and what may be shown come from $lib/analysis.
import { error } from '@sveltejs/kit';
import { dividedRoles } from '$lib/analysis/pairs';
import { anyShown, isItemOrder, mainComparison, mainPair, mainPairHidden, orderHiddenBy, sortItems } from '$lib/analysis/ranking';
import { chartDownload, chartSource, ladderChart, mirrorChart, statementChart } from '$lib/charts/chart-data';
import type { NeutralPlacement } from '$lib/charts/shapes';
import { m } from '$lib/paraglide/messages';
import { requirePilot, requireRelease } from '$lib/server/guard';
import type { PageServerLoad } from './$types';
import { scanForLocale } from '$lib/server/scans';

// Everything on this page works as plain HTML: the choices are links, tables sit in <details>, downloads
// are links. Hydrating the server-drawn charts kept a phone busy for over half a second, so the page
// ships no SvelteKit JavaScript; only the small PNG download script (see ChartDownloads.svelte).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const { params, url } = event;
	const release = requireRelease(pilot);
	const results = release.results;
	const index = results.themes.findIndex((t) => t.id === params.theme);
	if (index < 0) error(404, m.res_theme_not_found());
	const theme = results.themes[index];
	const src = chartSource(results, { ...pilot, scan: scanForLocale(pilot) });
	const label = (role: string) => src.texts.role(role);
	const asked = url.searchParams.get('sorteer');
	const order = isItemOrder(asked) ? asked : 'scan';
	const neutral: NeutralPlacement = url.searchParams.get('neutraal') === 'apart' ? 'apart' : 'midden';
	const neighbour = (i: number) => (results.themes[i] ? { id: results.themes[i].id, title: src.texts.theme(results.themes[i].id) } : null);
	const mirror = mirrorChart(src, theme);

	return {
		theme: { id: theme.id, title: src.texts.theme(theme.id), number: index + 1, count: results.themes.length, scores: theme.scores },
		roles: results.roles.map((r) => ({ ...r, label: label(r.role) })),
		minGroupSize: results.minGroupSize,
		anyShown: anyShown(results),
		comparison: mainPair(results),
		/** The main roles below k, by name: no difference between them is shown. */
		mainHidden: mainPairHidden(results).map(label),
		/** The roles below k that the chosen order needs, by name: the statements then stay in scan order. */
		cannotSort: orderHiddenBy(results, order).map(label),
		order,
		neutral,
		statements: sortItems(results, theme.items, order).map((item) => {
			const chart = statementChart(src, item, neutral);
			return {
				id: item.id,
				number: item.number,
				text: src.texts.item(item.id),
				comparison: mainComparison(results, item),
				means: Object.fromEntries(results.roles.map((r) => [r.role, item.byRole[r.role]?.mean ?? null])),
				divided: dividedRoles(results, item).map(label),
				chart,
				download: chartDownload(pilot, chart)
			};
		}),
		ladders: theme.ladders.map((l) => {
			const chart = ladderChart(src, l);
			return { heading: src.texts.item(l.id), chart, download: chartDownload(pilot, chart) };
		}),
		mirror: mirror && { chart: mirror, download: chartDownload(pilot, mirror) },
		open: theme.open.map((q) => ({
			id: q.id,
			text: src.texts.item(q.id),
			byRole: results.roles.map((r) => ({ role: r.role, label: label(r.role), answers: r.suppressed ? null : (q.byRole[r.role] ?? null) }))
		})),
		previous: neighbour(index - 1),
		next: neighbour(index + 1)
	};
};
