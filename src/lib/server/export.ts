// Exports of one pilot: the aggregated results as one table per view (CSV and XLSX), and the raw
// anonymised answers in the long format of the CSV import (response,role,source,item,value).
// Pure of HTTP: the routes pick a kind, this module makes the rows and the bytes.
//
// Privacy: aggregated figures come from PilotResults, which already holds nothing of a role below
// k; such a role appears here only as a cell saying "te weinig antwoorden" (in the request's
// language). Raw answers are only exported for roles at or above k, under the random public
// response id, without any date.
//
// Spreadsheet safety (export-files.ts): every text cell that a spreadsheet could run as a formula
// gets a leading single quote; numbers are written as numbers and never prefixed.
import { and, eq } from 'drizzle-orm';
import type { PilotResults } from '$lib/analysis/aggregate';
import { cellState, comparisonPairs, mirrorStatements, shownRoles } from '$lib/analysis/pairs';
import { resultTexts } from '$lib/analysis/texts';
import { deltaLabels, suppressedStatementText, suppressedText } from '$lib/charts/format';
import { downloadNameOf } from '$lib/download-name';
import { m } from '$lib/paraglide/messages';
import {
	allQuestions,
	buildPages,
	CHANGE_CODES,
	CHANGE_KEY,
	DONT_KNOW,
	formatAnswer,
	questionnaireOptions,
	type Answer
} from '$lib/scan/questionnaire';
import type { Db } from './db';
import { answers, responses, type ResponseRow } from './db/schema';
import type { PilotWithScan } from './pilots';
import { answerFromColumns } from '$lib/scan/answer-codec';
import { CSV_CONTENT_TYPE, toCsv, toXlsx, XLSX_CONTENT_TYPE, type Cell, type View } from './export-files';

export { CSV_CONTENT_TYPE, neutraliseText, toCsv, toXlsx, XLSX_CONTENT_TYPE, type Cell, type View } from './export-files';

// ----- aggregated results -----------------------------------------------------------------------

const STELLINGEN_COLUMNS = [
	'thema',
	'item',
	'nummer',
	'tekst',
	'rol',
	'n',
	'weet_niet',
	'ontbrekend',
	'1',
	'2',
	'3',
	'4',
	'5',
	'gemiddelde',
	'mediaan',
	'eens',
	'oneens',
	'sd',
	'onenigheid'
];
const LADDER_COUNTS = (prefix: string) => [1, 2, 3, 4, 5].map((v) => `${prefix}_${v}`);
const LADDER_COLUMNS = [
	'thema',
	'item',
	'tekst',
	'rol',
	...LADDER_COUNTS('nu'),
	'nu_weet_niet',
	'nu_mediaan',
	...LADDER_COUNTS('gewenst'),
	'gewenst_weet_niet',
	'gewenst_mediaan'
];

/** The columns of the one-file CSV of all views, in this order; every view uses a subset. */
export const ALL_RESULT_COLUMNS = [
	'view',
	'thema',
	'item',
	'nummer',
	'tekst',
	'rol',
	'groep',
	'rol_a',
	'rol_b',
	'doelgroep',
	'ingeleverd',
	'score',
	...STELLINGEN_COLUMNS.slice(5),
	'verschil',
	'cliffs_delta',
	'label',
	'verwacht',
	'werkelijk',
	...LADDER_COLUMNS.slice(4),
	'antwoord',
	'aantal'
];

/** What the result views need of a pilot besides its results: the words of its scan, and which items had mirror questions. */
export type ResultContext = Pick<PilotWithScan, 'scan' | 'mirror'>;

/**
 * The aggregated results as tables, one per view. A role below k appears only as a row whose first
 * figure cell says "te weinig antwoorden"; a figure that exists but cannot be computed (no valid
 * answers) is an empty cell. What may be shown comes from $lib/analysis/pairs; the words (texts of
 * the scan, notes, sheet titles) are in the request's language, the column names and codes never change.
 */
export function resultViews(results: PilotResults, pilot: ResultContext): View[] {
	const roles = results.roles.map((r) => r.role);
	const texts = resultTexts(pilot.scan, results);
	const tooFew = suppressedText();
	const tooFewHere = suppressedStatementText();
	const deltaWords = deltaLabels();
	const [yes, no] = [m.res_export_yes(), m.res_export_no()];
	const suppressed = (role: string) => results.roles.find((r) => r.role === role)?.suppressed ?? true;

	const deelname: View = {
		name: 'Deelname',
		title: m.res_sheet_participation(),
		// `groep` names each role as the pages do, so the codes in the other sheets can be read.
		columns: ['rol', 'groep', 'ingeleverd'],
		rows: results.roles.map((r) => [r.role, texts.role(r.role), r.suppressed ? tooFew : r.respondents])
	};

	const themas: View = { name: 'Themas', title: m.res_sheet_themes(), columns: ['thema', 'rol', 'score'], rows: [] };
	const stellingen: View = { name: 'Stellingen', title: m.res_sheet_statements(), columns: STELLINGEN_COLUMNS, rows: [] };
	const verschillen: View = {
		name: 'Verschillen',
		title: m.res_sheet_differences(),
		columns: ['thema', 'item', 'nummer', 'tekst', 'rol_a', 'rol_b', 'verschil', 'cliffs_delta', 'label'],
		rows: []
	};
	const spiegel: View = {
		name: 'Spiegel',
		title: m.res_sheet_mirror(),
		columns: ['thema', 'item', 'nummer', 'tekst', 'rol', 'doelgroep', 'verwacht', 'werkelijk', 'verschil'],
		rows: []
	};
	const ladder: View = { name: 'Ladder', title: m.res_sheet_ladder(), columns: LADDER_COLUMNS, rows: [] };
	const open: View = {
		name: 'Open antwoorden',
		title: m.res_sheet_open(),
		columns: ['thema', 'item', 'tekst', 'rol', 'antwoord'],
		rows: []
	};

	for (const theme of results.themes) {
		const title = texts.theme(theme.id);
		for (const role of roles) themas.rows.push([title, role, suppressed(role) ? tooFew : theme.scores[role]]);

		for (const item of theme.items) {
			const head = [title, item.id, item.number, texts.item(item.id)];
			for (const role of roles) {
				const s = item.byRole[role];
				const state = cellState(results, item, role);
				if (state !== 'shown' || !s) {
					stellingen.rows.push([...head, role, state === 'thin' ? tooFewHere : tooFew, ...Array<null>(13).fill(null)]);
					continue;
				}
				const disagreement = item.disagreement[role];
				stellingen.rows.push([
					...head,
					role,
					s.n,
					s.dontKnow,
					s.missing,
					...s.counts,
					s.mean,
					s.median,
					s.agree,
					s.disagree,
					s.sd,
					disagreement === null || disagreement === undefined ? null : disagreement ? yes : no
				]);
			}
			for (const { a, b, state, comparison: c } of comparisonPairs(results, item)) {
				if (state === 'suppressed' || state === 'thin')
					verschillen.rows.push([...head, a, b, state === 'thin' ? tooFewHere : tooFew, null, null]);
				else verschillen.rows.push(c ? [...head, a, b, c.gap, c.delta, deltaWords[c.label]] : [...head, a, b, null, null, null]);
			}
		}
		for (const { item, pairs } of mirrorStatements(results, pilot.scan, pilot.mirror, theme)) {
			const head = [title, item.id, item.number, texts.item(item.id)];
			for (const { role, target, state, result } of pairs) {
				if (state === 'suppressed') spiegel.rows.push([...head, role, target, tooFew, null, null]);
				else
					spiegel.rows.push(
						result ? [...head, role, target, result.predicted, result.actual, result.difference] : [...head, role, target, null, null, null]
					);
			}
		}

		for (const item of theme.ladders) {
			const text = texts.item(item.id);
			for (const role of roles) {
				const l = item.byRole[role];
				if (suppressed(role) || !l) {
					ladder.rows.push([title, item.id, text, role, tooFew, ...Array<null>(13).fill(null)]);
					continue;
				}
				ladder.rows.push([
					title,
					item.id,
					text,
					role,
					...l.now.counts,
					l.now.dontKnow,
					l.now.median,
					...l.desired.counts,
					l.desired.dontKnow,
					l.desired.median
				]);
			}
		}

		for (const question of theme.open) {
			const text = texts.item(question.id);
			for (const role of roles) {
				const answers = question.byRole[role];
				if (suppressed(role) || !answers) open.rows.push([title, question.id, text, role, tooFew]);
				else for (const answer of answers) open.rows.push([title, question.id, text, role, answer]);
			}
		}
	}
	return [deelname, themas, stellingen, verschillen, spiegel, ladder, open, ...changeView(results, roles, tooFew)];
}

/**
 * A follow-up round's change question: per role, how many answered ja, een_beetje, nee and
 * weet_niet (the codes of the raw export), or "te weinig antwoorden". Absent for a first round.
 */
function changeView(results: PilotResults, roles: string[], tooFew: string): View[] {
	if (!results.change) return [];
	const rows: Cell[][] = [];
	for (const role of roles) {
		const counts = results.change.byRole[role];
		if (!counts) rows.push([role, tooFew, null]);
		else for (const code of [...CHANGE_CODES, DONT_KNOW] as const) rows.push([role, code, counts[code]]);
	}
	return [{ name: 'Verandering', title: m.rd_sheet_change(), columns: ['rol', 'antwoord', 'aantal'], rows }];
}

/** All views in one table, with a "view" column and the union of the views' columns. */
export function combinedResultRows(views: readonly View[]): { columns: string[]; rows: Cell[][] } {
	const columns = ALL_RESULT_COLUMNS;
	const rows: Cell[][] = [];
	for (const view of views) {
		const at = view.columns.map((c) => {
			const index = columns.indexOf(c);
			if (index === -1) throw new Error(`column ${c} of view ${view.name} is missing from ALL_RESULT_COLUMNS`);
			return index;
		});
		for (const row of view.rows) {
			const out: Cell[] = Array<Cell>(columns.length).fill(null);
			out[0] = view.name;
			row.forEach((cell, i) => (out[at[i]] = cell));
			rows.push(out);
		}
	}
	return { columns, rows };
}

// ----- raw answers -----------------------------------------------------------------------------

export const RAW_COLUMNS = ['response', 'role', 'source', 'item', 'value'] as const;

export type RawResponse = { id: number; publicId: string; role: string; source: ResponseRow['source']; answers: Map<string, Answer> };

/**
 * The submitted responses of a pilot with their answers; no dates, no link, no internal id.
 * `.values()` returns plain arrays: drizzle's mapping to objects costs more than twice the query
 * at 600 respondents (about 50 000 rows).
 */
export function loadRawResponses(db: Db, pilotId: number): RawResponse[] {
	const rows = db
		.select({
			id: responses.id,
			publicId: responses.publicId,
			role: responses.role,
			source: responses.source,
			key: answers.key,
			score: answers.score,
			dontKnow: answers.dontKnow,
			text: answers.text
		})
		.from(responses)
		.leftJoin(answers, eq(answers.responseId, responses.id))
		.where(and(eq(responses.pilotId, pilotId), eq(responses.status, 'submitted')))
		.values() as [number, string, string, ResponseRow['source'], string | null, number | null, number, string | null][];
	const byId = new Map<number, RawResponse>();
	for (const [id, publicId, role, source, key, score, dontKnow, text] of rows) {
		let response = byId.get(id);
		if (!response) byId.set(id, (response = { id, publicId, role, source, answers: new Map() }));
		if (key === null) continue;
		const answer = answerFromColumns(score, dontKnow, text);
		if (answer) response.answers.set(key, answer);
	}
	return [...byId.values()];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One row per answer: roles in the pilot's order, responses sorted by their random public id (so
 * the order says nothing about who answered when), answers in questionnaire order. Roles below k
 * (as decided by the analysis) are left out entirely. Scores are numbers, the rest text.
 * Open answers are left out: their words can tell who wrote them, and next to them every score of
 * that person would then be known. They are in the results export, shuffled, apart from any score.
 */
export function rawAnswerRows(
	results: PilotResults,
	pilot: Pick<PilotWithScan, 'scan' | 'variant' | 'mirror' | 'roles' | 'previousPilotId'>,
	data: readonly RawResponse[]
): Cell[][] {
	const shown = new Set(shownRoles(results));
	const rows: Cell[][] = [];
	for (const role of pilot.roles) {
		if (!shown.has(role)) continue;
		const order = allQuestions(buildPages(pilot.scan, questionnaireOptions(pilot, role))).map((q) => q.key);
		const position = new Map(order.map((key, i) => [key, i]));
		const ofRole = data.filter((r) => r.role === role).sort((a, b) => byCodeUnits(a.publicId, b.publicId));
		for (const response of ofRole) {
			// Keys the questionnaire does not know (never expected) keep a stable place at the end.
			const keys = [...response.answers.keys()].sort(
				(a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || byCodeUnits(a, b)
			);
			for (const key of keys) {
				const answer = response.answers.get(key)!;
				if (answer.kind === 'text') continue;
				// The change question's scores are codes, not a scale: the file says which answer.
				const value = answer.kind === 'score' ? (key === CHANGE_KEY ? CHANGE_CODES[answer.score - 1] : answer.score) : formatAnswer(answer);
				rows.push([response.publicId, role, response.source, key, value]);
			}
		}
	}
	return rows;
}

// ----- what the routes call -------------------------------------------------------------------

export const EXPORT_KINDS = ['uitkomsten.csv', 'uitkomsten.xlsx', 'antwoorden.csv', 'antwoorden.xlsx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function isExportKind(kind: string): kind is ExportKind {
	return (EXPORT_KINDS as readonly string[]).includes(kind);
}

/** Raw answers are for those who manage the pilot; aggregated results for everyone who may see it. */
export function exportNeedsManage(kind: ExportKind): boolean {
	return kind.startsWith('antwoorden.');
}

/** The file of one export kind; `raw` (the submitted responses) is only used for antwoorden.*. */
export async function buildExport(
	kind: ExportKind,
	pilot: Pick<PilotWithScan, 'id' | 'municipality' | 'roundLabel' | 'scan' | 'variant' | 'mirror' | 'roles' | 'previousPilotId'>,
	results: PilotResults,
	raw: readonly RawResponse[]
): Promise<{ body: Uint8Array | string; contentType: string; fileName: string }> {
	const fileName = downloadNameOf(pilot, kind);
	if (kind === 'uitkomsten.csv') {
		const { columns, rows } = combinedResultRows(resultViews(results, pilot));
		return { body: toCsv(columns, rows), contentType: CSV_CONTENT_TYPE, fileName };
	}
	if (kind === 'uitkomsten.xlsx') return { body: await toXlsx(resultViews(results, pilot)), contentType: XLSX_CONTENT_TYPE, fileName };
	const rows = rawAnswerRows(results, pilot, raw);
	if (kind === 'antwoorden.csv') return { body: toCsv(RAW_COLUMNS, rows), contentType: CSV_CONTENT_TYPE, fileName };
	const sheet: View = { name: 'Antwoorden', title: m.res_sheet_answers(), columns: [...RAW_COLUMNS], rows };
	return { body: await toXlsx([sheet]), contentType: XLSX_CONTENT_TYPE, fileName };
}
