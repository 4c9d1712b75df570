// The results overview: theme scores per role (dumbbell and spinnenweb), the response per role, links to each theme, a
// heatmap of all statements, and the caveat that this is a snapshot for conversation. Figures of
// roles below the minimum group size never get here.
import { chartDownload, heatmapChart, mainComparison, radarChart, themeScoresChart, type ThemeOrder } from '$lib/charts/chart-data';
import type { HeatMeasure } from '$lib/charts/shapes';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { redirect } from '@sveltejs/kit';
import { latestRelease } from '$lib/server/releases';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const url = event.url;
	// Figures come from the latest release only; before the first, the pilot page says when they come.
	const release = latestRelease(db(), pilot.id);
	if (!release) redirect(303, `/pilots/${pilot.id}#uitkomsten`);
	const results = release.results;
	const [a, b] = results.comparison;
	const order: ThemeOrder = url.searchParams.get('volgorde') === 'verschil' ? 'verschil' : 'scan';
	const measure: HeatMeasure = url.searchParams.get('maat') === 'eens' ? 'eens' : 'gemiddelde';
	const scores = themeScoresChart(results, order);
	const heatmap = heatmapChart(results, measure);
	const radar = radarChart(results);
	// The largest differences between the main two roles over all statements, by Cliff's delta
	// (none when either role is below k: then there are no comparisons).
	const biggest = results.themes
		.flatMap((t) => t.items.map((item) => ({ theme: { id: t.id, title: t.title }, item, comparison: mainComparison(results, item) })))
		.filter((x) => x.comparison !== null)
		.sort((p, q) => Math.abs(q.comparison!.delta) - Math.abs(p.comparison!.delta))
		.slice(0, 5)
		.map(({ theme, item, comparison }) => ({
			theme,
			item: { id: item.id, number: item.number, text: item.text },
			means: [item.byRole[a]?.mean ?? null, item.byRole[b]?.mean ?? null],
			comparison: comparison!
		}));
	// The charts carry the figures; the page itself needs only who took part.
	return {
		roles: results.roles,
		minGroupSize: results.minGroupSize,
		release: { number: release.number, createdAt: release.createdAt, counts: release.counts },
		biggest,
		order,
		measure,
		scores: { chart: scores, download: chartDownload(pilot, scores) },
		heatmap: { chart: heatmap, download: chartDownload(pilot, heatmap) },
		radar: { chart: radar, download: chartDownload(pilot, radar) },
		themeLinks: results.themes.map((t) => ({ id: t.id, title: t.title })),
		comparisonLabels: [a, b].map((r) => results.roles.find((x) => x.role === r)?.label ?? r)
	};
};
