// Exports of one pilot: the aggregated results as one table per view (CSV and XLSX), and the raw
// anonymised answers in the long format of the CSV import (response,role,source,item,value).
// Pure of HTTP: the routes pick a kind, this module makes the rows and the bytes.
//
// Privacy: aggregated figures come from PilotResults, which already holds nothing of a role below
// k; such a role appears here only as a cell saying "te weinig antwoorden". Raw answers are only
// exported for roles at or above k, under the random public response id, without any date.
//
// Spreadsheet safety: every text cell that a spreadsheet could run as a formula gets a leading
// single quote (see neutraliseText); numbers are written as numbers and never prefixed.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { and, eq } from 'drizzle-orm';
import type { PilotResults } from '$lib/analysis/aggregate';
import { deltaLabels, SUPPRESSED, SUPPRESSED_STATEMENT } from '$lib/charts/format';
import { allQuestions, buildPages, formatAnswer, type Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { answers, responses, type ResponseRow } from './db/schema';
import type { PilotWithScan } from './pilots';
import { answerFromColumns } from '$lib/scan/answer-codec';

export type Cell = string | number | null;
export type View = { name: string; columns: string[]; rows: Cell[][] };

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab, CR) as a formula. Such a text gets one
 * leading single quote, and so does a text that already starts with quotes before one of those
 * characters: the import (restoreNeutralisedCell in csv-import.ts) strips exactly one quote from
 * both, so every text comes back exactly as it was.
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
	return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

const BOM = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
	'antwoord'
];

/** What the result views need of a pilot besides its results: which items had mirror questions. */
export type ResultContext = Pick<PilotWithScan, 'scan' | 'mirror'>;

/**
 * The aggregated results as tables, one per view. A role below k appears only as a row whose first
 * figure cell says "te weinig antwoorden"; a figure that exists but cannot be computed (no valid
 * answers) is an empty cell.
 */
export function resultViews(results: PilotResults, pilot: ResultContext): View[] {
	const roles = results.roles.map((r) => r.role);
	const suppressed = new Set(results.roles.filter((r) => r.suppressed).map((r) => r.role));
	const mirrorItems = new Set(pilot.scan.themes.flatMap((t) => t.items.filter((i) => i.type === 'likert' && i.mirror).map((i) => i.id)));
	const mirrorTarget = new Map(pilot.scan.roles.map((r) => [r.id, r.mirrorTarget]));

	const deelname: View = {
		name: 'Deelname',
		// `groep` names each role as the pages do, so the codes in the other sheets can be read.
		columns: ['rol', 'groep', 'ingeleverd'],
		rows: results.roles.map((r) => [r.role, r.label, r.suppressed ? SUPPRESSED : r.respondents])
	};

	const themas: View = { name: 'Themas', columns: ['thema', 'rol', 'score'], rows: [] };
	const stellingen: View = { name: 'Stellingen', columns: STELLINGEN_COLUMNS, rows: [] };
	const verschillen: View = {
		name: 'Verschillen',
		columns: ['thema', 'item', 'nummer', 'tekst', 'rol_a', 'rol_b', 'verschil', 'cliffs_delta', 'label'],
		rows: []
	};
	const spiegel: View = {
		name: 'Spiegel',
		columns: ['thema', 'item', 'nummer', 'tekst', 'rol', 'doelgroep', 'verwacht', 'werkelijk', 'verschil'],
		rows: []
	};
	const ladder: View = { name: 'Ladder', columns: LADDER_COLUMNS, rows: [] };
	const open: View = { name: 'Open antwoorden', columns: ['thema', 'item', 'tekst', 'rol', 'antwoord'], rows: [] };

	for (const theme of results.themes) {
		for (const role of roles) themas.rows.push([theme.title, role, suppressed.has(role) ? SUPPRESSED : theme.scores[role]]);

		for (const item of theme.items) {
			const head = [theme.title, item.id, item.number, item.text];
			for (const role of roles) {
				const s = item.byRole[role];
				if (suppressed.has(role) || !s) {
					stellingen.rows.push([
						...head,
						role,
						item.thin.includes(role) ? SUPPRESSED_STATEMENT : SUPPRESSED,
						...Array<null>(13).fill(null)
					]);
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
					disagreement === null || disagreement === undefined ? null : disagreement ? 'ja' : 'nee'
				]);
			}
			for (let i = 0; i < roles.length; i++)
				for (let j = i + 1; j < roles.length; j++) {
					const [a, b] = [roles[i], roles[j]];
					if (suppressed.has(a) || suppressed.has(b) || item.thin.includes(a) || item.thin.includes(b)) {
						verschillen.rows.push([...head, a, b, suppressed.has(a) || suppressed.has(b) ? SUPPRESSED : SUPPRESSED_STATEMENT, null, null]);
						continue;
					}
					const c = item.comparisons.find((x) => x.a === a && x.b === b);
					verschillen.rows.push(c ? [...head, a, b, c.gap, c.delta, deltaLabels[c.label]] : [...head, a, b, null, null, null]);
				}
			if (pilot.mirror && mirrorItems.has(item.id)) {
				for (const role of roles) {
					const target = mirrorTarget.get(role);
					if (!target || !roles.includes(target)) continue;
					if (suppressed.has(role) || suppressed.has(target)) {
						spiegel.rows.push([...head, role, target, SUPPRESSED, null, null]);
						continue;
					}
					const m = item.mirrors.find((x) => x.role === role && x.target === target);
					spiegel.rows.push(m ? [...head, role, target, m.predicted, m.actual, m.difference] : [...head, role, target, null, null, null]);
				}
			}
		}

		for (const item of theme.ladders) {
			for (const role of roles) {
				const l = item.byRole[role];
				if (suppressed.has(role) || !l) {
					ladder.rows.push([theme.title, item.id, item.text, role, SUPPRESSED, ...Array<null>(13).fill(null)]);
					continue;
				}
				ladder.rows.push([
					theme.title,
					item.id,
					item.text,
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
			for (const role of roles) {
				const texts = question.byRole[role];
				if (suppressed.has(role) || !texts) open.rows.push([theme.title, question.id, question.text, role, SUPPRESSED]);
				else for (const text of texts) open.rows.push([theme.title, question.id, question.text, role, text]);
			}
		}
	}
	return [deelname, themas, stellingen, verschillen, spiegel, ladder, open];
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
	pilot: Pick<PilotWithScan, 'scan' | 'variant' | 'mirror' | 'roles'>,
	data: readonly RawResponse[]
): Cell[][] {
	const shown = new Set(results.roles.filter((r) => !r.suppressed).map((r) => r.role));
	const rows: Cell[][] = [];
	for (const role of pilot.roles) {
		if (!shown.has(role)) continue;
		const order = allQuestions(buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role })).map((q) => q.key);
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
				rows.push([response.publicId, role, response.source, key, answer.kind === 'score' ? answer.score : formatAnswer(answer)]);
			}
		}
	}
	return rows;
}

// ----- file formats ---------------------------------------------------------------------------

function csvCell(value: Cell): string {
	if (value === null) return '';
	// A number is written as JavaScript writes it: unrounded, with a decimal dot. It is never a
	// formula, so it is not prefixed (a quote would turn -0.5 into text).
	if (typeof value === 'number') return String(value);
	return neutraliseText(value);
}

/** A CSV document with a BOM (Excel then reads UTF-8) and Windows line ends, like safeCsv. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return BOM + stringify([columns.map(csvCell), ...rows.map((row) => row.map(csvCell))], { record_delimiter: 'windows' });
}

/** Column formats in the workbook; the stored values stay unrounded. */
const NUMBER_FORMATS: Record<string, string> = {
	score: '0.00',
	gemiddelde: '0.00',
	mediaan: '0.0',
	sd: '0.00',
	eens: '0%',
	oneens: '0%',
	verschil: '0.00',
	cliffs_delta: '0.00',
	verwacht: '0.00',
	werkelijk: '0.00',
	nu_mediaan: '0.0',
	gewenst_mediaan: '0.0'
};

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * A workbook with one sheet per view: a bold, frozen header row with a filter, sensible column
 * widths, numbers as number cells and every text as a plain string value (exceljs makes a formula
 * only of an explicit { formula } object), neutralised like the CSV for programs that convert it.
 */
export async function toXlsx(views: readonly View[]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Quickscan';
	for (const view of views) {
		const sheet = workbook.addWorksheet(view.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow(view.columns);
		for (const row of view.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseText(cell) : cell)));
		const header = sheet.getRow(1);
		header.font = { bold: true };
		view.columns.forEach((name, i) => {
			const column = sheet.getColumn(i + 1);
			let width = name.length;
			for (const row of view.rows) {
				const cell = row[i];
				width = Math.max(width, typeof cell === 'number' ? 8 : cell === null ? 0 : cell.length + 1);
				if (width >= MAX_WIDTH) break;
			}
			column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
			if (width >= MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
			const format = NUMBER_FORMATS[name];
			if (format) column.numFmt = format;
		});
		// The column style also reached the header; the header keeps its own look.
		header.eachCell((cell) => {
			cell.numFmt = 'General';
			cell.alignment = { vertical: 'top' };
		});
		if (view.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: view.columns.length } };
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
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
	pilot: Pick<PilotWithScan, 'id' | 'scan' | 'variant' | 'mirror' | 'roles'>,
	results: PilotResults,
	raw: readonly RawResponse[]
): Promise<{ body: Uint8Array | string; contentType: string; fileName: string }> {
	const fileName = `quickscan-${pilot.id}-${kind}`;
	if (kind === 'uitkomsten.csv') {
		const { columns, rows } = combinedResultRows(resultViews(results, pilot));
		return { body: toCsv(columns, rows), contentType: CSV_CONTENT_TYPE, fileName };
	}
	if (kind === 'uitkomsten.xlsx') return { body: await toXlsx(resultViews(results, pilot)), contentType: XLSX_CONTENT_TYPE, fileName };
	const rows = rawAnswerRows(results, pilot, raw);
	if (kind === 'antwoorden.csv') return { body: toCsv(RAW_COLUMNS, rows), contentType: CSV_CONTENT_TYPE, fileName };
	return { body: await toXlsx([{ name: 'Antwoorden', columns: [...RAW_COLUMNS], rows }]), contentType: XLSX_CONTENT_TYPE, fileName };
}
