// The exports of the demo pilot: each download holds the same figures as the results API, and
// nothing of the roles below the minimum group size (ondersteuner 3, wethouder 1 in the demo).
// Raw answers are for those who manage the pilot; a viewer gets a 404 for them.
import { hash } from '@node-rs/argon2';
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { query } from './db';
import { login } from './helpers';
import { BASE } from './routes';

const SUPPRESSED = 'te weinig antwoorden';
const SMALL = ['ondersteuner', 'bestuur'];
const SHOWN = ['raad', 'gemeente'];
const ROLE_COLUMNS = ['rol', 'rol_a', 'rol_b', 'doelgroep', 'role'];
/** Columns that name what a row is about; every other column is a figure or an answer. */
const IDENTIFYING = ['view', 'thema', 'item', 'nummer', 'tekst', 'groep', ...ROLE_COLUMNS];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = Record<string, string | number | null>;
type Stats = {
	n: number;
	dontKnow: number;
	missing: number;
	counts: number[];
	mean: number | null;
	median: number | null;
	agree: number | null;
	disagree: number | null;
	sd: number | null;
};
type Api = {
	results: {
		roles: { role: string; label: string; suppressed: boolean; respondents: number | null }[];
		themes: {
			title: string;
			scores: Record<string, number | null>;
			items: {
				id: string;
				byRole: Record<string, Stats | null>;
				comparisons: { a: string; b: string; gap: number; delta: number }[];
				mirrors: { role: string; target: string; predicted: number; actual: number; difference: number }[];
			}[];
			ladders: {
				id: string;
				byRole: Record<
					string,
					{ now: { counts: number[]; median: number | null }; desired: { counts: number[]; median: number | null } } | null
				>;
			}[];
			open: { id: string; byRole: Record<string, string[] | null> }[];
		}[];
	};
};

async function download(api: APIRequestContext, url: string, type: string, name: string): Promise<Buffer> {
	const res: APIResponse = await api.get(url);
	expect(res.status(), url).toBe(200);
	expect(res.headers()['content-type']).toBe(type);
	expect(res.headers()['content-disposition']).toBe(`attachment; filename="${name}"`);
	return res.body();
}

function csvRows(body: Buffer): Row[] {
	const text = body.toString('utf8');
	expect(text.startsWith('\uFEFF'), 'BOM for Excel').toBe(true);
	return parse(text, { bom: true, columns: true }) as Row[];
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
	return wb;
}

/** One sheet as rows keyed by its header, with the cell values as stored (numbers stay numbers). */
function sheetRows(wb: ExcelJS.Workbook, name: string): Row[] {
	const sheet = wb.getWorksheet(name);
	expect(sheet, `sheet ${name}`).toBeTruthy();
	const header = (sheet!.getRow(1).values as unknown[]).slice(1).map(String);
	const rows: Row[] = [];
	sheet!.eachRow((row, r) => {
		if (r > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.getCell(i + 1).value as string | number | null) ?? null])));
	});
	return rows;
}

/** A row about a small group may hold exactly one figure, "te weinig antwoorden"; others are collected. */
function collectSmallGroupLeaks(rows: Row[], where: string) {
	let seen = 0;
	for (const row of rows) {
		const small = ROLE_COLUMNS.some((c) => SMALL.includes(String(row[c] ?? '')));
		if (!small) continue;
		seen++;
		const figures = Object.entries(row)
			.filter(([c, v]) => !IDENTIFYING.includes(c) && v !== null && v !== '')
			.map(([, v]) => v);
		if (figures.length !== 1 || figures[0] !== SUPPRESSED) mismatches.push(`${where}: ${JSON.stringify(row)}`);
	}
	return seen;
}

/**
 * Exact comparison: the CSV writes a number as JavaScript does, the workbook keeps it as a number.
 * Mismatches are collected and checked once (thousands of separate expects are slow here).
 */
let mismatches: string[] = [];
function same(got: string | number | null | undefined, want: number | null | undefined, csv: boolean) {
	const ok = csv ? (got ?? '') === (want === null || want === undefined ? '' : String(want)) : (got ?? null) === (want ?? null);
	if (!ok) mismatches.push(`got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

function checkAggregated(view: (name: string) => Row[], api: Api, csv: boolean) {
	mismatches = [];
	const one = (rows: Row[], match: Row) => {
		const found = rows.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
		if (found.length !== 1) mismatches.push(`${found.length} rows for ${JSON.stringify(match)}`);
		return found[0] ?? {};
	};
	const [deelname, themas, stellingen, verschillen, spiegel, ladder, open] = [
		'Deelname',
		'Themas',
		'Stellingen',
		'Verschillen',
		'Spiegel',
		'Ladder',
		'Open antwoorden'
	].map(view);
	for (const r of api.results.roles) {
		if (one(deelname, { rol: r.role }).groep !== r.label) mismatches.push(`groep of ${r.role}`);
		const got = one(deelname, { rol: r.role }).ingeleverd;
		if (r.suppressed) expect(got).toBe(SUPPRESSED);
		else same(got, r.respondents, csv);
	}
	let figures = 0;
	for (const theme of api.results.themes) {
		for (const role of SHOWN) {
			same(one(themas, { thema: theme.title, rol: role }).score, theme.scores[role], csv);
			for (const item of theme.items) {
				const s = item.byRole[role]!;
				const row = one(stellingen, { item: item.id, rol: role });
				[s.n, s.dontKnow, s.missing, ...s.counts].forEach((v, i) =>
					same(row[['n', 'weet_niet', 'ontbrekend', '1', '2', '3', '4', '5'][i]], v, csv)
				);
				same(row.gemiddelde, s.mean, csv);
				same(row.mediaan, s.median, csv);
				same(row.eens, s.agree, csv);
				same(row.oneens, s.disagree, csv);
				same(row.sd, s.sd, csv);
				figures++;
			}
			for (const l of theme.ladders) {
				const row = one(ladder, { item: l.id, rol: role });
				l.byRole[role]!.now.counts.forEach((v, i) => same(row[`nu_${i + 1}`], v, csv));
				l.byRole[role]!.desired.counts.forEach((v, i) => same(row[`gewenst_${i + 1}`], v, csv));
				same(row.nu_mediaan, l.byRole[role]!.now.median, csv);
				same(row.gewenst_mediaan, l.byRole[role]!.desired.median, csv);
			}
			for (const q of theme.open) {
				const texts = open
					.filter((r) => r.item === q.id && r.rol === role)
					.map((r) => String(r.antwoord).replace(/^'(?='*[=+\-@\t\r])/, ''));
				expect(texts).toEqual(q.byRole[role]);
			}
		}
		for (const item of theme.items) {
			for (const c of item.comparisons) {
				const row = one(verschillen, { item: item.id, rol_a: c.a, rol_b: c.b });
				same(row.verschil, c.gap, csv);
				same(row.cliffs_delta, c.delta, csv);
				figures++;
			}
			for (const m of item.mirrors) {
				const row = one(spiegel, { item: item.id, rol: m.role, doelgroep: m.target });
				same(row.verwacht, m.predicted, csv);
				same(row.werkelijk, m.actual, csv);
				same(row.verschil, m.difference, csv);
				figures++;
			}
		}
	}
	expect(mismatches).toEqual([]);
	expect(figures).toBeGreaterThan(60);
	let small = 0;
	for (const [name, rows] of Object.entries({ deelname, themas, stellingen, verschillen, spiegel, ladder, open }))
		small += collectSmallGroupLeaks(rows, name);
	expect(mismatches, 'rows about a small group with more than "te weinig antwoorden"').toEqual([]);
	expect(small, 'rows that say a small group has too few answers').toBeGreaterThan(100);
}

/** The raw answers: only the shown roles, and together they give the API's counts again. */
function checkRaw(rows: Row[], api: Api) {
	const problems: string[] = [];
	expect(new Set(rows.map((r) => r.role))).toEqual(new Set(SHOWN));
	for (const role of SHOWN) {
		const responses = new Set(rows.filter((r) => r.role === role).map((r) => r.response));
		expect(responses.size).toBe(api.results.roles.find((r) => r.role === role)!.respondents);
		for (const theme of api.results.themes)
			for (const item of theme.items) {
				// A statement with fewer than 3 scores of this role shows no figures to compare with.
				if (!item.byRole[role]) continue;
				const counts = [1, 2, 3, 4, 5].map(
					(v) => rows.filter((r) => r.role === role && r.item === item.id && String(r.value) === String(v)).length
				);
				const dontKnow = rows.filter((r) => r.role === role && r.item === item.id && r.value === 'weet_niet').length;
				if (JSON.stringify(counts) !== JSON.stringify(item.byRole[role]!.counts) || dontKnow !== item.byRole[role]!.dontKnow)
					problems.push(`${role} ${item.id}`);
			}
	}
	expect(problems, 'items whose raw answers do not give the API counts').toEqual([]);
	expect(new Set(rows.map((r) => r.source)).size).toBeGreaterThan(0);
	for (const source of new Set(rows.map((r) => r.source))) expect(['online', 'paper', 'import']).toContain(source);
	expect(Object.keys(rows[0]).sort()).toEqual(['item', 'response', 'role', 'source', 'value']);
	// Open answers stay out of the raw answers: next to a person's scores, their words could name them.
	const openIds = new Set(api.results.themes.flatMap((t) => t.open.map((q) => q.id)));
	expect(
		rows.filter((r) => openIds.has(String(r.item))),
		'open answers in the raw export'
	).toEqual([]);
}

test('every export of the demo pilot holds the API figures and nothing of small groups', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+$/);
	const id = Number(new URL(page.url()).pathname.split('/')[2]);
	const api = (await (await page.request.get(`/api/pilots/${id}/results`)).json()) as Api;
	expect(
		api.results.roles
			.filter((r) => r.suppressed)
			.map((r) => r.role)
			.sort()
	).toEqual([...SMALL].sort());
	const base = `/pilots/${id}/uitkomsten/export`;
	const auditBefore = query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND pilot_id = ?", id)[0].n;

	const csv = csvRows(
		await download(
			page.request,
			`${base}/uitkomsten.csv`,
			'text/csv; charset=utf-8',
			'quickscan-voorbeeldstad-demo-nulmeting-uitkomsten.csv'
		)
	);
	checkAggregated((name) => csv.filter((r) => r.view === name), api, true);

	const wb = await workbook(
		await download(page.request, `${base}/uitkomsten.xlsx`, XLSX, 'quickscan-voorbeeldstad-demo-nulmeting-uitkomsten.xlsx')
	);
	const formulas: string[] = [];
	wb.eachSheet((sheet) =>
		sheet.eachRow((row) => row.eachCell((cell) => void (cell.formula !== undefined && formulas.push(`${sheet.name}!${cell.address}`))))
	);
	expect(formulas).toEqual([]);
	checkAggregated((name) => sheetRows(wb, name), api, false);

	const raw = csvRows(
		await download(
			page.request,
			`${base}/antwoorden.csv`,
			'text/csv; charset=utf-8',
			'quickscan-voorbeeldstad-demo-nulmeting-antwoorden.csv'
		)
	);
	checkRaw(raw, api);
	const rawXlsx = sheetRows(
		await workbook(await download(page.request, `${base}/antwoorden.xlsx`, XLSX, 'quickscan-voorbeeldstad-demo-nulmeting-antwoorden.xlsx')),
		'Antwoorden'
	);
	checkRaw(rawXlsx, api);
	expect(rawXlsx.map((r) => [r.response, r.role, r.source, r.item, String(r.value)])).toEqual(
		raw.map((r) => [r.response, r.role, r.source, r.item, r.value])
	);

	expect((await page.request.get(`${base}/uitkomsten.pdf`)).status()).toBe(404);
	const audits = query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'export' AND pilot_id = ? ORDER BY id", id).slice(
		auditBefore
	);
	expect(audits.map((a) => a.detail)).toEqual(['uitkomsten.csv', 'uitkomsten.xlsx', 'antwoorden.csv', 'antwoorden.xlsx']);
});

test('a viewer downloads the results but not the raw answers; others get a 404, and anonymous visitors the login page', async () => {
	const demo = query<{ id: number }>("SELECT id FROM pilots WHERE municipality = 'Voorbeeldstad (demo)' ORDER BY id LIMIT 1")[0].id;
	const suffix = Date.now().toString(36);
	const password = 'export-wachtwoord-123';
	const db = new Database('.e2e-data/quickscan.db');
	try {
		const insert = db.prepare('INSERT INTO users (email, name, password_hash, role) VALUES (?, ?, ?, ?) RETURNING id');
		const passwordHash = await hash(password);
		const viewer = (insert.get(`export-kijker-${suffix}@example.nl`, 'Kijker', passwordHash, 'viewer') as { id: number }).id;
		insert.get(`export-ander-${suffix}@example.nl`, 'Ander', passwordHash, 'facilitator');
		db.prepare("INSERT INTO pilot_shares (pilot_id, user_id, access) VALUES (?, ?, 'viewer')").run(demo, viewer);
	} finally {
		db.close();
	}
	const as = async (email: string | null) => {
		const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE, accept: 'text/html' }, maxRedirects: 0 });
		if (email) expect((await api.post('/login', { form: { email, password } })).status()).toBe(303);
		return api;
	};
	const base = `/pilots/${demo}/uitkomsten/export`;
	const expected: [string | null, Record<string, number>][] = [
		[
			`export-kijker-${suffix}@example.nl`,
			{ 'uitkomsten.csv': 200, 'uitkomsten.xlsx': 200, 'antwoorden.csv': 404, 'antwoorden.xlsx': 404, onbekend: 404 }
		],
		[`export-ander-${suffix}@example.nl`, { 'uitkomsten.csv': 404, 'uitkomsten.xlsx': 404, 'antwoorden.csv': 404, 'antwoorden.xlsx': 404 }],
		// Not signed in: sent to log in first (and back to the download afterwards).
		[null, { 'uitkomsten.csv': 303, 'uitkomsten.xlsx': 303, 'antwoorden.csv': 303, 'antwoorden.xlsx': 303 }]
	];
	for (const [email, statuses] of expected) {
		const api = await as(email);
		try {
			for (const [kind, status] of Object.entries(statuses)) {
				const res = await api.get(`${base}/${kind}`);
				expect(res.status(), `${email ?? 'anonymous'} ${kind}`).toBe(status);
				if (status === 303) expect(res.headers()['location']).toBe(`/login?terug=${encodeURIComponent(`${base}/${kind}`)}`);
				if (status !== 200) expect(await res.text()).not.toContain('response,role');
			}
		} finally {
			await api.dispose();
		}
	}
	// A viewer's download is logged, the refused ones are not.
	const logged = query<{ detail: string; user_email: string }>(
		"SELECT detail, user_email FROM audit_log WHERE action = 'export' AND user_email = ?",
		`export-kijker-${suffix}@example.nl`
	);
	expect(logged.map((l) => l.detail).sort()).toEqual(['uitkomsten.csv', 'uitkomsten.xlsx']);
});
