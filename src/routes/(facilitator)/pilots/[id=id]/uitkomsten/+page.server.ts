// The results overview: theme scores per role (dumbbell and spinnenweb), the response per role, links to each theme, a
// heatmap of all statements, and the caveat that this is a snapshot for conversation. Figures of
// roles below the minimum group size never get here; the rankings come from $lib/analysis.
import { chartDownload, chartSource, heatmapChart, radarChart, themeScoresChart } from '$lib/charts/chart-data';
import { anyShown, isThemeOrder, largestDifferences, mainPair, type ThemeOrder } from '$lib/analysis/ranking';
import type { HeatMeasure } from '$lib/charts/shapes';
import { requirePilot, requireRelease } from '$lib/server/guard';
import type { PageServerLoad } from './$types';
import { scanForLocale } from '$lib/server/scans';

// Everything on this page works as plain HTML: the choices are links, tables sit in <details>, downloads
// are links. Hydrating the server-drawn charts kept a phone busy for over half a second, so the page
// ships no SvelteKit JavaScript; only the small PNG download script (see ChartDownloads.svelte).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const url = event.url;
	// Figures come from the latest release only; before the first, the pilot page says when they come.
	const release = requireRelease(pilot);
	const results = release.results;
	const src = chartSource(results, { ...pilot, scan: scanForLocale(pilot) });
	const [a, b] = mainPair(results);
	const asked = url.searchParams.get('volgorde');
	const order: ThemeOrder = isThemeOrder(asked) ? asked : 'scan';
	const measure: HeatMeasure = url.searchParams.get('maat') === 'eens' ? 'eens' : 'gemiddelde';
	const scores = themeScoresChart(src, order);
	const heatmap = heatmapChart(src, measure);
	const radar = radarChart(src);
	// The largest differences between the main two roles over all statements, by Cliff's delta
	// (none when either role is below k: then there are no comparisons).
	const biggest = largestDifferences(results).map(({ theme, item, comparison }) => ({
		theme: { id: theme.id, title: src.texts.theme(theme.id) },
		item: { id: item.id, number: item.number, text: src.texts.item(item.id) },
		means: [item.byRole[a]?.mean ?? null, item.byRole[b]?.mean ?? null],
		comparison
	}));
	// The charts carry the figures; the page itself needs only who took part.
	return {
		// How many were typed in from paper is said only of roles whose figures are shown.
		roles: results.roles.map((r) => ({
			...r,
			label: src.texts.role(r.role),
			typedIn: r.suppressed ? 0 : (release.counts[r.role]?.typedIn ?? 0)
		})),
		minGroupSize: results.minGroupSize,
		anyShown: anyShown(results),
		release: { number: release.number, createdAt: release.createdAt, counts: release.counts },
		biggest,
		order,
		measure,
		scores: { chart: scores, download: chartDownload(pilot, scores) },
		heatmap: { chart: heatmap, download: chartDownload(pilot, heatmap) },
		radar: { chart: radar, download: chartDownload(pilot, radar) },
		// A follow-up round links to the comparison with the earlier one (which checks access to both).
		followUp: pilot.previousPilotId !== null,
		// A follow-up round's change question, counted in the release (roles below k have none).
		change: results.change
			? results.roles.map((r) => ({ role: r.role, label: src.texts.role(r.role), counts: results.change!.byRole[r.role] ?? null }))
			: null,
		themeLinks: results.themes.map((t) => ({ id: t.id, title: src.texts.theme(t.id) })),
		comparisonLabels: [src.texts.role(a), src.texts.role(b)]
	};
};
