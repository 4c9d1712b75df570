// The aggregated results export: exactly the figures of the analysis, nothing of a role below k,
// sheet titles and notes in the request's language and column names that never change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PilotResults } from '$lib/analysis/aggregate';
import { suppressedText } from '$lib/charts/format';
import { restoreNeutralisedCell } from './csv-import';
import type { Db } from './db';
import {
	ALL_RESULT_COLUMNS,
	buildExport,
	combinedResultRows,
	loadRawResponses,
	neutraliseText,
	resultViews,
	toCsv,
	toXlsx,
	type View
} from './export';
import { allCells, num, parseCsv, readXlsx, SECRET, seededPilot, sheetRecords, SUPPRESSED_ROLES, text } from './export-fixture';
import { inLocale } from './locale';
import type { PilotWithScan } from './pilots';
import { pilotResults } from './results';

let db: Db;
let pilot: PilotWithScan;
let cleanup: () => void;
beforeEach(() => ({ db, pilot, cleanup } = seededPilot()));
afterEach(() => cleanup());

/** The CSV rows of all views as objects keyed by column name. */
function combinedCsv(results: PilotResults): Record<string, string>[] {
	const { columns, rows } = combinedResultRows(resultViews(results, pilot));
	const [header, ...records] = parseCsv(toCsv(columns, rows));
	expect(header).toEqual(ALL_RESULT_COLUMNS);
	return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function csvOf(views: View[]): string {
	const { columns, rows } = combinedResultRows(views);
	return toCsv(columns, rows);
}

describe('aggregated results', () => {
	it('hold exactly the numbers of PilotResults, unrounded, with a decimal dot in the CSV', () => {
		const results = pilotResults(db, pilot);
		const rows = combinedCsv(results);
		const find = (view: string, match: Record<string, string>) => {
			const found = rows.filter((r) => r.view === view && Object.entries(match).every(([k, v]) => r[k] === v));
			expect(found, `${view} ${JSON.stringify(match)}`).toHaveLength(1);
			return found[0];
		};
		let checked = 0;
		for (const r of results.roles)
			expect(find('Deelname', { rol: r.role })).toMatchObject({
				groep: r.label,
				ingeleverd: r.suppressed ? suppressedText() : String(r.respondents)
			});
		for (const theme of results.themes) {
			for (const role of ['raad', 'gemeente']) {
				expect(find('Themas', { thema: theme.title, rol: role }).score).toBe(num(theme.scores[role]));
				for (const item of theme.items) {
					const s = item.byRole[role]!;
					const row = find('Stellingen', { item: item.id, rol: role });
					expect(row).toMatchObject({ thema: theme.title, nummer: String(item.number), tekst: item.text });
					expect([row.n, row.weet_niet, row.ontbrekend, row['1'], row['2'], row['3'], row['4'], row['5']]).toEqual(
						[s.n, s.dontKnow, s.missing, ...s.counts].map(num)
					);
					expect([row.gemiddelde, row.mediaan, row.eens, row.oneens, row.sd]).toEqual(
						[s.mean, s.median, s.agree, s.disagree, s.sd].map(num)
					);
					expect(row.onenigheid).toBe(item.disagreement[role] === null ? '' : item.disagreement[role] ? 'ja' : 'nee');
					checked++;
				}
				for (const l of theme.ladders) {
					const x = l.byRole[role]!;
					const row = find('Ladder', { item: l.id, rol: role });
					expect([1, 2, 3, 4, 5].map((v) => row[`nu_${v}`])).toEqual(x.now.counts.map(num));
					expect([1, 2, 3, 4, 5].map((v) => row[`gewenst_${v}`])).toEqual(x.desired.counts.map(num));
					expect([row.nu_weet_niet, row.nu_mediaan, row.gewenst_weet_niet, row.gewenst_mediaan]).toEqual(
						[x.now.dontKnow, x.now.median, x.desired.dontKnow, x.desired.median].map(num)
					);
				}
				for (const q of theme.open) {
					const texts = rows
						.filter((r) => r.view === 'Open antwoorden' && r.item === q.id && r.rol === role)
						.map((r) => restoreNeutralisedCell(r.antwoord));
					expect(texts).toEqual(q.byRole[role]);
				}
			}
			for (const item of theme.items) {
				for (const c of item.comparisons) {
					const row = find('Verschillen', { item: item.id, rol_a: c.a, rol_b: c.b });
					expect([row.verschil, row.cliffs_delta]).toEqual([num(c.gap), num(c.delta)]);
					expect(row.label).toMatch(/^(heel klein|klein|middelgroot|groot)$/);
					checked++;
				}
				for (const m of item.mirrors) {
					const row = find('Spiegel', { item: item.id, rol: m.role, doelgroep: m.target });
					expect([row.verwacht, row.werkelijk, row.verschil]).toEqual([num(m.predicted), num(m.actual), num(m.difference)]);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
		// The unrounded means really have more decimals than the results page shows.
		expect(rows.some((r) => r.view === 'Stellingen' && /\.\d{3,}/.test(r.gemiddelde))).toBe(true);
		expect(rows.some((r) => r.view === 'Verschillen' && r.verschil.startsWith('-'))).toBe(true);
	});

	it('in the workbook are number cells with the same unrounded values, one sheet per view', async () => {
		const results = pilotResults(db, pilot);
		const views = resultViews(results, pilot);
		const workbook = await readXlsx(await toXlsx(views));
		expect(workbook.worksheets.map((s) => s.name)).toEqual([
			'Deelname',
			'Themas',
			'Stellingen',
			'Verschillen',
			'Spiegel',
			'Ladder',
			'Open antwoorden'
		]);
		for (const view of views) {
			const sheet = workbook.getWorksheet(view.title)!;
			expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
			expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(6);
			const records = sheetRecords(workbook, view.title);
			expect(records).toHaveLength(view.rows.length);
			view.rows.forEach((row, r) =>
				row.forEach((cell, c) => {
					const got = records[r][view.columns[c]];
					if (typeof cell === 'number') expect(got).toBe(cell);
					else expect(got).toBe(cell === null ? null : neutraliseText(cell));
				})
			);
		}
		const stelling = sheetRecords(workbook, 'Stellingen').find((r) => r.rol === 'raad')!;
		const item = results.themes[0].items[0];
		expect(stelling.gemiddelde).toBe(item.byRole.raad!.mean);
		expect(typeof stelling.gemiddelde).toBe('number');
	});

	it('show a role below k only as "te weinig antwoorden": no number, no text of theirs', async () => {
		const results = pilotResults(db, pilot);
		expect(results.roles.filter((r) => r.suppressed).map((r) => r.role)).toEqual(SUPPRESSED_ROLES);
		const views = resultViews(results, pilot);
		const roleColumns = ['rol', 'rol_a', 'rol_b', 'doelgroep'];
		const identifying = ['thema', 'item', 'nummer', 'tekst', 'groep', ...roleColumns];
		let suppressedRows = 0;
		for (const view of views) {
			for (const row of view.rows) {
				const involves = view.columns.some((c, i) => roleColumns.includes(c) && SUPPRESSED_ROLES.includes(row[i] as string));
				if (!involves) continue;
				suppressedRows++;
				const figures = row.filter((_, i) => !identifying.includes(view.columns[i]));
				expect(
					figures.filter((f) => f !== null),
					`${view.name}: ${JSON.stringify(row)}`
				).toEqual([suppressedText()]);
			}
		}
		expect(suppressedRows).toBeGreaterThan(100);

		const csv = csvOf(views);
		const xlsx = allCells(await readXlsx(await toXlsx(views))).map(([, , , c]) => String(c.value));
		expect(csv).not.toContain(SECRET);
		expect(xlsx.join('\n')).not.toContain(SECRET);

		// The strongest form: the files are the same as when the small groups had never answered.
		const before = csvOf(views);
		db.$client.prepare(`DELETE FROM responses WHERE pilot_id = ? AND role IN ('ondersteuner', 'bestuur')`).run(pilot.id);
		const without = resultViews(pilotResults(db, pilot), pilot);
		expect(csvOf(without)).toBe(before);
		const xlsxWithout = allCells(await readXlsx(await toXlsx(without))).map(([, , , c]) => String(c.value));
		expect(xlsxWithout).toEqual(xlsx);
	});

	it('name every view column in the one-file CSV', () => {
		for (const view of resultViews(pilotResults(db, pilot), pilot)) for (const c of view.columns) expect(ALL_RESULT_COLUMNS).toContain(c);
	});
});

describe('aggregated results in English', () => {
	it('have English sheet titles and notes, and the same column names, codes and figures', async () => {
		const results = pilotResults(db, pilot);
		const nl = resultViews(results, pilot);
		const en = inLocale('en', () => resultViews(results, pilot));
		expect(en.map((v) => v.title)).toEqual(['Participation', 'Themes', 'Statements', 'Differences', 'Mirror', 'Ladder', 'Open answers']);
		expect(en.map((v) => [v.name, v.columns])).toEqual(nl.map((v) => [v.name, v.columns]));
		const cells = (views: View[]) => views.flatMap((v) => v.rows.flat());
		expect(cells(en).filter((c) => typeof c === 'number')).toEqual(cells(nl).filter((c) => typeof c === 'number'));
		expect(cells(en)).toContain('too few answers');
		expect(cells(en)).not.toContain('te weinig antwoorden');
		expect(cells(en).filter((c) => c === 'yes' || c === 'no').length).toBe(cells(nl).filter((c) => c === 'ja' || c === 'nee').length);
		// The one-file CSV keeps its codes in the "view" column; the workbook's sheets carry the titles.
		const csv = inLocale('en', () => combinedResultRows(en));
		expect(new Set(csv.rows.map((r) => r[0]))).toEqual(new Set(nl.map((v) => v.name)));
		const file = await inLocale('en', () => buildExport('uitkomsten.xlsx', pilot, results, loadRawResponses(db, pilot.id)));
		expect((await readXlsx(file.body as Uint8Array)).worksheets.map((s) => s.name)).toEqual(en.map((v) => v.title));
		const raw = await inLocale('en', () => buildExport('antwoorden.xlsx', pilot, results, loadRawResponses(db, pilot.id)));
		expect((await readXlsx(raw.body as Uint8Array)).worksheets.map((s) => s.name)).toEqual(['Answers']);
		expect(
			text((await inLocale('en', () => buildExport('antwoorden.csv', pilot, results, loadRawResponses(db, pilot.id)))).body)
		).toContain('response,role,source,item,value');
	});
});
