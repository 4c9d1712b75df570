// One slide of the conversation on a projector: slide 1 the agenda, then a topic per slide, with
// its statement chart (no table, no sort links, no downloads), the quotes put under it and the
// conversation questions; a misjudged topic reveals in steps (?stap=). Plain pages linked by
// next and previous, so it works without JavaScript; notes are saved from here too.
import { error, fail } from '@sveltejs/kit';
import { neighbours, askedStep, slideHref, stepsOf } from '$lib/agenda/slides';
import { entryWords } from '$lib/agenda/topic-text';
import { chartSource, statementChart } from '$lib/charts/chart-data';
import { formatMean } from '$lib/charts/format';
import { m } from '$lib/paraglide/messages';
import { changeAgenda, listQuotes, loadAgenda, MAX_NOTES } from '$lib/server/agenda';
import { db } from '$lib/server/db';
import { requirePilot, requireRelease } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import { scanForLocale } from '$lib/server/scans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot, access } = requirePilot(event, 'view');
	const release = requireRelease(pilot);
	const results = release.results;
	const src = chartSource(results, { ...pilot, scan: scanForLocale(pilot) });
	const agenda = loadAgenda(db(), pilot.id, results);
	const slide = Number(event.params.slide);
	if (slide > agenda.entries.length + 1) error(404, m.gs_slide_not_found());
	const steps = [1, ...agenda.entries.map((e) => stepsOf(e.kind))];
	const step = askedStep(event.url.searchParams.get('stap'), steps[slide - 1]);
	const { previous, next } = neighbours(steps, { slide, step });
	const base = {
		pilot: { id: pilot.id, municipality: pilot.municipality },
		manages: access === 'manage',
		slide,
		slides: steps.length,
		step,
		previousHref: previous && slideHref(pilot.id, previous),
		nextHref: next && slideHref(pilot.id, next),
		exitHref: `/pilots/${pilot.id}/gesprek`
	};
	if (slide === 1) {
		const agendaList = agenda.entries.map((e) => ({ title: entryWords(e, src.texts).title, minutes: e.minutes }));
		return { ...base, overview: agendaList, topic: null };
	}
	const entry = agenda.entries[slide - 2];
	const item = entry.topic?.itemId ? results.themes.flatMap((t) => t.items).find((i) => i.id === entry.topic!.itemId) : undefined;
	const figures = entry.topic?.figures;
	const quotes = entry.id === null ? [] : listQuotes(db(), pilot.id, results).filter((q) => q.topicId === entry.id);
	return {
		...base,
		overview: null,
		topic: {
			...entryWords(entry, src.texts),
			notes: entry.notes,
			quotes: quotes.map((q) => ({ text: q.text, role: src.texts.role(q.role) })),
			// A misjudged topic shows no chart: its steps are the point. The others show the statement's bars.
			chart: item && figures?.kind !== 'misjudged' ? statementChart(src, item) : null,
			mirror:
				figures?.kind === 'misjudged'
					? {
							expected: m.gs_mirror_expected({
								role: src.texts.role(figures.mirror.role),
								target: src.texts.role(figures.mirror.target),
								value: formatMean(figures.mirror.predicted)
							}),
							actual: m.gs_mirror_actual({ target: src.texts.role(figures.mirror.target), value: formatMean(figures.mirror.actual) })
						}
					: null
		}
	};
};

export const actions: Actions = {
	/** Notes taken during the meeting; without JavaScript the same slide comes back. */
	aantekeningen: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const release = requireRelease(pilot);
		const form = await readForm(event.request);
		const topic = String(form.get('topic') ?? '');
		const notes = String(form.get('aantekeningen') ?? '');
		if (notes.length > MAX_NOTES) return fail(400, { error: m.gs_notes_too_long({ max: MAX_NOTES }), notes });
		if (!changeAgenda(db(), pilot.id, release.results, { kind: 'notes', topic, notes }))
			return fail(409, { error: m.gs_change_gone(), notes });
		return { saved: true };
	}
};
