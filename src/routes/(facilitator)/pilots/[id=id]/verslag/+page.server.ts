// The printable report of a pilot's round: the caveat, who took part, the theme overview and each
// theme's charts, the agenda of het goede gesprek with its notes and quotes, the vote and the plan
// van aanpak. Everything comes from the latest release, so nothing suppressed can be in it.
import { entryWords } from '$lib/agenda/topic-text';
import { chartSource, ladderChart, mirrorChartParts, themeHeatmapChart, themeScoresChart, type ChartSpec } from '$lib/charts/chart-data';
import { dayOf } from '$lib/dates';
import { listQuotes, loadAgenda } from '$lib/server/agenda';
import { db } from '$lib/server/db';
import { requirePilot, requireRelease } from '$lib/server/guard';
import { describedPlan, planContext } from '$lib/server/plan-view';
import { scanForLocale } from '$lib/server/scans';
import { latestVoteResult } from '$lib/server/vote';
import type { PageServerLoad } from './$types';

// A document to read and print: links and one print button (a small script of its own), nothing
// that needs SvelteKit's JavaScript, so the page ships none.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const release = requireRelease(pilot);
	const results = release.results;
	const src = chartSource(results, { ...pilot, scan: scanForLocale(pilot) });

	// Figures are numbered through the whole report, in the order they are printed.
	let figure = 0;
	const numbered = (chart: ChartSpec) => ({ number: ++figure, chart });
	const overview = numbered(themeScoresChart(src, 'scan'));
	const themes = results.themes.map((theme) => ({
		id: theme.id,
		title: src.texts.theme(theme.id),
		figures: [
			...(theme.items.length ? [numbered(themeHeatmapChart(src, theme))] : []),
			...theme.ladders.map((l) => numbered(ladderChart(src, l))),
			...mirrorChartParts(src, theme).map(numbered)
		]
	}));

	const agenda = loadAgenda(db(), pilot.id, results);
	const plan = describedPlan(planContext(db(), pilot));
	const quotes = listQuotes(db(), pilot.id, results);
	const onAgenda = new Set<number | null>(agenda.entries.map((e) => e.id).filter((id) => id !== null));
	const quote = (q: { text: string; role: string }) => ({ text: q.text, role: src.texts.role(q.role) });
	return {
		release: { number: release.number, createdAt: release.createdAt },
		today: dayOf(),
		minGroupSize: results.minGroupSize,
		// How many were typed in from paper is said only of roles whose figures are shown.
		roles: results.roles.map((r) => ({
			...r,
			label: src.texts.role(r.role),
			typedIn: r.suppressed ? 0 : (release.counts[r.role]?.typedIn ?? 0)
		})),
		overview,
		themes,
		agenda: {
			saved: agenda.saved,
			entries: agenda.entries.map((e) => ({
				...entryWords(e, src.texts),
				minutes: e.minutes,
				notes: e.notes,
				quotes: quotes.filter((q) => e.id !== null && q.topicId === e.id).map(quote)
			})),
			// Quotes marked but not put under a topic of the agenda (or under one since removed).
			looseQuotes: quotes.filter((q) => !onAgenda.has(q.topicId)).map(quote)
		},
		// The latest closed vote (an open one is still going on and is not a result yet).
		vote: latestVoteResult(db(), pilot.id),
		plan: { actions: plan.actions, overview: plan.overview }
	};
};
