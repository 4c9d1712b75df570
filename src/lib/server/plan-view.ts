// What the plan's pages and downloads share: the plan of a pilot in words (scan titles in the
// request's language, the agenda topics of the latest release when there is one), the topics an
// action can name as its reason, the themes and statements it can link to, and the workbook.
import { resultTexts } from '$lib/analysis/texts';
import { entryWords } from '$lib/agenda/topic-text';
import { dayOf, formatDay } from '$lib/dates';
import { downloadName } from '$lib/download-name';
import { m } from '$lib/paraglide/messages';
import { linkTargets, planOverview, type LinkTargets, type PlanAction } from '$lib/plan/rules';
import { planText } from '$lib/plan/text';
import { describePlan, monthNames, type ActionView, type PlanWords } from '$lib/plan/words';
import { loadAgenda } from './agenda';
import type { Db } from './db';
import { toXlsx, type View } from './export-files';
import { loadPlan } from './plan';
import type { PilotWithScan } from './pilots';
import { latestRelease } from './releases';
import { scanForLocale } from './scans';

/** An agenda topic an action can name: `ref` as the agenda's forms name it (id once stored, else key). */
export type TopicOption = { ref: string; id: number | null; label: string };

export type PlanContext = {
	actions: PlanAction[];
	words: PlanWords;
	/** Null before the first release: there is no agenda yet to take a reason from. */
	topics: TopicOption[] | null;
	targets: LinkTargets;
	release: ReturnType<typeof latestRelease>;
};

/** The plan of a pilot the caller has checked access to, with everything needed to show or change it. */
export function planContext(db: Db, pilot: PilotWithScan): PlanContext {
	const release = latestRelease(db, pilot.id);
	const texts = resultTexts(scanForLocale(pilot), release?.results);
	const agenda = release ? loadAgenda(db, pilot.id, release.results) : null;
	const topics =
		agenda?.entries.map((e) => {
			const words = entryWords(e, texts);
			return { ref: words.ref, id: e.id, label: `${words.kind}: ${words.title}` };
		}) ?? null;
	const byId = new Map((topics ?? []).filter((t) => t.id !== null).map((t) => [t.id!, t.label]));
	return {
		actions: loadPlan(db, pilot.id),
		words: { theme: texts.theme, item: texts.item, topic: (id) => byId.get(id) ?? null },
		topics,
		// Checked against the snapshot the pilot started with: its ids, whatever the scan file says now.
		targets: linkTargets(pilot.scan, pilot.variant),
		release
	};
}

/** The plan in words and its overview, as of today in Dutch time. */
export function describedPlan(context: PlanContext, today = dayOf()) {
	return { actions: describePlan(context.actions, context.words, today), overview: planOverview(context.actions, today), today };
}

/**
 * What the action form offers: the agenda's topics (null before the first release), the themes
 * with their statements to link, the months, and the years from last year to four ahead (and the
 * year of a stored month outside those, so editing never loses it).
 */
export function formChoices(context: PlanContext, today: string, keepYear?: string) {
	const year = Number(today.slice(0, 4));
	const years = Array.from({ length: 6 }, (_, i) => String(year - 1 + i));
	if (keepYear && !years.includes(keepYear)) years.push(keepYear);
	return {
		topics: context.topics,
		themes: context.targets.themes.map((t) => ({
			id: t.id,
			title: context.words.theme(t.id),
			items: t.items.map((id) => ({ id, text: context.words.item(id) }))
		})),
		months: monthNames(),
		years: years.sort()
	};
}

export type FormChoices = ReturnType<typeof formChoices>;

type Named = Pick<PilotWithScan, 'municipality' | 'roundLabel'>;
const heading = (pilot: Named) => m.pl_text_heading({ municipality: pilot.municipality, round: pilot.roundLabel });

/** The plan as plain text for an e-mail, and its file name. */
export function planTextFile(pilot: Named, actions: readonly ActionView[], today = dayOf()) {
	return { body: planText(heading(pilot), formatDay(today), actions), fileName: downloadName(pilot, 'plan-van-aanpak', 'txt') };
}

/** Column names are a data contract (not translated); statuses, priorities and months as stored. */
const ACTION_COLUMNS = [
	'nummer',
	'actie',
	'waarom_onderwerp',
	'waarom',
	'eigenaar',
	'maand',
	'prioriteit',
	'status',
	'te_laat',
	'teken_van_succes',
	'themas',
	'thema_ids',
	'stellingen',
	'stelling_ids',
	'laatste_voortgang',
	'datum_laatste_voortgang'
];
const PROGRESS_COLUMNS = ['nummer', 'actie', 'datum', 'voortgang'];

/** The plan as a workbook: one sheet of actions, one of the whole progress log; and its file name. */
export async function planWorkbook(pilot: Named, actions: readonly ActionView[]) {
	const sheets: View[] = [
		{
			name: 'Acties',
			title: m.pl_sheet_actions(),
			columns: ACTION_COLUMNS,
			rows: actions.map((a) => [
				a.number,
				a.title,
				a.whyTopic ?? '',
				a.whyText,
				a.owner,
				a.dueMonth,
				a.priority,
				a.status,
				a.overdue ? 'ja' : 'nee',
				a.successSign,
				a.themes.map((t) => t.title).join('; '),
				a.themes.map((t) => t.id).join(', '),
				a.items.map((i) => i.text).join('; '),
				a.items.map((i) => i.id).join(', '),
				a.latest?.text ?? '',
				a.latest?.day ?? ''
			])
		},
		{
			name: 'Voortgang',
			title: m.pl_sheet_progress(),
			columns: PROGRESS_COLUMNS,
			rows: actions.flatMap((a) => a.progress.map((p) => [a.number, a.title, p.day, p.text]))
		}
	];
	return { body: await toXlsx(sheets), fileName: downloadName(pilot, 'plan-van-aanpak', 'xlsx') };
}
