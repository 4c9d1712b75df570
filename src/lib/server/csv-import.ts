// CSV import of answers collected elsewhere, in the long format the raw export also uses
// (response,role,item,value). The whole file is checked first; one bad cell and nothing is stored.
// Errors name the row and column in the request's language; the column names are the file's own.
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { allQuestions, buildPages, parseAnswerValue, questionnaireOptions, type Answer, type Question } from '$lib/scan/questionnaire';
import { dayOf, formatDay } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import type { Db } from './db';
import { importedForms, imports } from './db/schema';
import type { PilotWithScan } from './pilots';
import { insertCompletedResponse } from './responses';

export const IMPORT_COLUMNS = ['response', 'role', 'item', 'value'] as const;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Forms per file. Far more than one pilot's paper forms, and small enough that storing them all
 * in one transaction (all or nothing) holds up other requests for well under a second.
 */
export const MAX_IMPORT_FORMS = 1000;
const MAX_ERRORS_SHOWN = 20;
/** Rows checked between two turns of the event loop, so autosaves go on during a big import. */
const ROWS_PER_TURN = 2000;
/** Hashes per `IN (…)` query: SQLite allows at most 32,766 values in one statement. */
const CODES_PER_QUERY = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** "Rij 3, kolom "value": …": where in the file a problem is. Column names are the file's own. */
const at = (row: number, column: (typeof IMPORT_COLUMNS)[number], problem: string) => m.fac_csv_place({ row, column, problem });

export type ImportResult = { ok: true; responses: number; answers: number } | { ok: false; errors: string[] };

function questionsByRole(pilot: PilotWithScan): Map<string, Map<string, Question>> {
	const byRole = new Map<string, Map<string, Question>>();
	for (const role of pilot.roles) {
		const pages = buildPages(pilot.scan, questionnaireOptions(pilot, role));
		byRole.set(role, new Map(allQuestions(pages).map((q) => [q.key, q])));
	}
	return byRole;
}

/**
 * Undoes the spreadsheet protection of our own exports: a cell that would start a formula gets one
 * leading single quote there (neutraliseText in export.ts), so one quote is removed again here when
 * the rest starts with = + - @ tab or CR (after any further quotes). Any other quote is text.
 */
export function restoreNeutralisedCell(cell: string): string {
	return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function decode(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * Checks a file against the pilot's questions; returns the responses to store or the errors. Works
 * through the rows in turns, so the server goes on answering while a large file is checked.
 */
export async function validateImport(
	pilot: PilotWithScan,
	bytes: Uint8Array
): Promise<{ errors: string[]; responses: Map<string, { role: string; answers: [string, Answer][] }> }> {
	const responses = new Map<string, { role: string; answers: [string, Answer][]; seen: Set<string> }>();
	const fail = (errors: string[]) => ({ errors, responses: new Map() });
	if (bytes.byteLength === 0) return fail([m.fac_csv_empty()]);
	if (bytes.byteLength > MAX_IMPORT_BYTES) return fail([m.fac_csv_too_big({ max: MAX_IMPORT_BYTES / 1024 / 1024 })]);
	const text = decode(bytes);
	if (text === null) return fail([m.fac_csv_not_utf8()]);

	// The header row decides the separator (Dutch Excel writes ';'), so a comma inside an unquoted
	// answer of a ';' file stays part of the answer.
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
	const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
	let records: string[][];
	try {
		records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true });
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		return fail([line ? m.fac_csv_invalid_at({ row: line }) : m.fac_csv_invalid()]);
	}
	if (records.length === 0) return fail([m.fac_csv_empty()]);

	const header = records[0].map((h) => h.trim().toLowerCase());
	const col: Record<string, number> = {};
	for (const name of IMPORT_COLUMNS) {
		col[name] = header.indexOf(name);
		if (col[name] === -1) return fail([m.fac_csv_missing_column({ column: name, columns: IMPORT_COLUMNS.join(', ') })]);
	}
	if (records.length === 1) return fail([m.fac_csv_header_only()]);

	const questions = questionsByRole(pilot);
	const errors: string[] = [];
	let r = 1;
	for (; r < records.length && errors.length < MAX_ERRORS_SHOWN; r++) {
		if (r % ROWS_PER_TURN === 0) await nextTurn();
		const row = records[r];
		const rowNo = r + 1;
		if (row.length > header.length) {
			errors.push(m.fac_csv_too_many_cells({ row: rowNo, separator: delimiter }));
			continue;
		}
		const cell = (name: string) => restoreNeutralisedCell(row[col[name]] ?? '').trim();
		const id = cell('response');
		// Excel users type "Raad" or "Doel-1": ids are lower case, so compare in lower case.
		const role = cell('role').toLowerCase();
		const key = cell('item').toLowerCase();
		const raw = restoreNeutralisedCell(row[col.value] ?? '');
		if (!id) {
			errors.push(at(rowNo, 'response', m.fac_csv_response_missing()));
			continue;
		}
		if (id.length > 100) {
			errors.push(at(rowNo, 'response', m.fac_csv_response_long()));
			continue;
		}
		const roleQuestions = questions.get(role);
		if (!roleQuestions) {
			errors.push(at(rowNo, 'role', m.fac_csv_unknown_role({ role, roles: pilot.roles.join(', ') })));
			continue;
		}
		const question = roleQuestions.get(key);
		if (!question) {
			errors.push(at(rowNo, 'item', m.fac_csv_unknown_item({ item: key, role })));
			continue;
		}
		const parsed = parseAnswerValue(question, raw);
		if (!parsed.ok) {
			const hint = question.kind === 'open' ? parsed.error : question.kind === 'change' ? m.rd_csv_change_hint() : m.fac_csv_score_hint();
			errors.push(at(rowNo, 'value', m.fac_csv_bad_value({ value: raw.slice(0, 40), item: key, hint })));
			continue;
		}
		let response = responses.get(id);
		if (!response) {
			if (responses.size >= MAX_IMPORT_FORMS) {
				return fail([m.fac_csv_too_many_forms({ max: MAX_IMPORT_FORMS })]);
			}
			responses.set(id, (response = { role, answers: [], seen: new Set() }));
		}
		if (response.role !== role) {
			errors.push(at(rowNo, 'role', m.fac_csv_role_mismatch({ form: id, role: response.role })));
			continue;
		}
		if (response.seen.has(key)) {
			errors.push(at(rowNo, 'item', m.fac_csv_duplicate({ form: id, item: key })));
			continue;
		}
		response.seen.add(key);
		if (parsed.answer) response.answers.push([key, parsed.answer]);
	}
	if (errors.length >= MAX_ERRORS_SHOWN && r < records.length) errors.push(m.fac_csv_more_errors());
	for (const [id, response] of responses)
		if (response.answers.length === 0 && errors.length <= MAX_ERRORS_SHOWN) errors.push(m.fac_csv_no_answers({ form: id }));
	return errors.length ? fail(errors) : { errors, responses };
}

/**
 * All or nothing: every response of the file is stored in one transaction, or none is. The same
 * file twice is refused: its answers would otherwise count double.
 */
export async function importResponses(
	db: Db,
	pilot: PilotWithScan,
	bytes: Uint8Array,
	today = dayOf(),
	enteredBy: number | null = null
): Promise<ImportResult> {
	const { errors, responses } = await validateImport(pilot, bytes);
	if (errors.length) return { ok: false, errors };
	const fileHash = crypto.createHash('sha256').update(bytes).digest('hex');
	const codeHash = (code: string) => crypto.createHash('sha256').update(`${pilot.id}:${code}`).digest('hex');
	const hashes = new Map([...responses.keys()].map((code) => [codeHash(code), code]));
	// Checked and stored in one synchronous transaction: two uploads of the same file at the same
	// moment cannot both pass the check.
	return db.transaction((tx): ImportResult => {
		const earlier = tx
			.select()
			.from(imports)
			.where(and(eq(imports.pilotId, pilot.id), eq(imports.fileHash, fileHash)))
			.get();
		if (earlier) {
			return {
				ok: false,
				errors: [m.fac_csv_already_imported({ date: formatDay(earlier.importedOn), count: earlier.responses })]
			};
		}
		const all = [...hashes.keys()];
		const again: string[] = [];
		for (let i = 0; i < all.length; i += CODES_PER_QUERY) {
			const rows = tx
				.select({ codeHash: importedForms.codeHash })
				.from(importedForms)
				.where(and(eq(importedForms.pilotId, pilot.id), inArray(importedForms.codeHash, all.slice(i, i + CODES_PER_QUERY))))
				.all();
			for (const row of rows) again.push(hashes.get(row.codeHash)!);
		}
		if (again.length) {
			return {
				ok: false,
				errors: [m.fac_csv_forms_again({ forms: `${again.slice(0, 10).join(', ')}${again.length > 10 ? ' …' : ''}` })]
			};
		}
		let answerCount = 0;
		const importId = tx
			.insert(imports)
			.values({ pilotId: pilot.id, fileHash, responses: responses.size, importedOn: today })
			.returning({ id: imports.id })
			.get().id;
		for (const hash of all) tx.insert(importedForms).values({ importId, pilotId: pilot.id, codeHash: hash }).run();
		for (const response of responses.values()) {
			insertCompletedResponse(
				tx as unknown as Db,
				{ pilotId: pilot.id, role: response.role, source: 'import', answers: response.answers, enteredBy },
				today
			);
			answerCount += response.answers.length;
		}
		return { ok: true, responses: responses.size, answers: answerCount };
	});
}

/** A template with every question of the pilot for one example respondent per role. */
export function importTemplate(pilot: PilotWithScan): string {
	const rows: string[][] = [[...IMPORT_COLUMNS]];
	const questions = questionsByRole(pilot);
	pilot.roles.forEach((role, i) => {
		for (const key of questions.get(role)!.keys()) rows.push([m.fac_csv_example_form({ number: i + 1 }), role, key, '']);
	});
	return stringify(rows);
}
