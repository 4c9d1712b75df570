import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentHash, loadScanDirectory } from '$lib/server/scans';
import { parseScanText, ScanFileError } from './parse';
import { tempScanDirs } from '$lib/server/test-scan-dir';

const REAL_SCAN = path.resolve('scans/clientenparticipatie-werk-en-inkomen.yaml');
const MINIMAL = path.resolve('tests/fixtures/scans/minimal.yaml');
const minimal = fs.readFileSync(MINIMAL, 'utf8');

/** Replaces one exact piece of a fixture; fails loudly when the piece is not there. */
function mutate(source: string, from: string, to: string): string {
	expect(source.split(from).length - 1, `"${from}" should occur exactly once in the fixture`).toBe(1);
	return source.replace(from, to);
}

/** 1-based number of the `occurrence`-th line that contains `needle`. */
function lineOf(source: string, needle: string, occurrence = 1): number {
	let seen = 0;
	const lines = source.split('\n');
	for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === occurrence) return i + 1;
	throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
}

function scanError(file: string, source: string): ScanFileError {
	try {
		parseScanText(file, source);
	} catch (e) {
		expect(e).toBeInstanceOf(ScanFileError);
		const error = e as ScanFileError;
		expect(error.file).toBe(file);
		expect(error.message).toContain(file);
		expect(error.problems.length).toBeGreaterThan(0);
		return error;
	}
	throw new Error('parseScanText accepted an invalid scan');
}

/** The problem line of an error that mentions `place`, e.g. "themes[0].items[1].id". */
function problemAt(error: ScanFileError, place: string): string {
	const problem = error.problems.find((p) => p.includes(`${place}:`));
	expect(problem, `a problem at ${place} in:\n${error.message}`).toBeDefined();
	return problem!;
}

describe('parseScanText: the real scan file', () => {
	const source = fs.readFileSync(REAL_SCAN, 'utf8');
	const scan = parseScanText(REAL_SCAN, source);

	it('has 8 themes, 4 roles and 48 likert statements', () => {
		expect(scan.id).toBe('clientenparticipatie-werk-en-inkomen');
		expect(scan.version).toBe(1);
		expect(scan.themes).toHaveLength(8);
		expect(scan.roles.map((r) => r.id)).toEqual(['raad', 'ondersteuner', 'gemeente', 'bestuur']);
		expect(scan.themes.flatMap((t) => t.items).filter((i) => i.type === 'likert')).toHaveLength(48);
	});

	it('keeps every item of the raw YAML, in order, with its short flag', () => {
		const raw = parseYaml(source) as { themes: { items: { id: string; short?: boolean }[] }[] };
		const parsed = scan.themes.flatMap((t) => t.items.map((i) => [i.id, i.short]));
		const expected = raw.themes.flatMap((t) => t.items.map((i) => [i.id, i.short === true]));
		expect(parsed).toEqual(expected);
	});

	it('has short items in every theme', () => {
		for (const theme of scan.themes)
			expect(
				theme.items.some((i) => i.short),
				theme.id
			).toBe(true);
	});

	it('compares raad with gemeente, and every role it mirrors exists', () => {
		expect(scan.comparison).toEqual(['raad', 'gemeente']);
		const ids = new Set(scan.roles.map((r) => r.id));
		for (const role of scan.roles) if (role.mirrorTarget) expect(ids.has(role.mirrorTarget)).toBe(true);
	});
});

describe('parseScanText: a small valid file', () => {
	it('parses and fills in the defaults', () => {
		const scan = parseScanText(MINIMAL, minimal);
		expect(scan.themes.map((t) => t.id)).toEqual(['thema-a', 'thema-b']);
		const b2 = scan.themes[1].items[1];
		expect(b2).toMatchObject({ id: 'b-2', type: 'likert', short: false, mirror: false });
		expect(scan.intro).toEqual([]);
		expect(scan.glossary).toEqual([]);
		expect(scan.analysis.differenceDelta).toBe(0.33);
		const open = scan.themes[0].items.find((i) => i.id === 'a-open');
		expect(open).toMatchObject({ type: 'open', maxLength: 50 });
	});
});

describe('parseScanText: invalid files name the file and the place', () => {
	const file = 'scans/kapot.yaml';

	it('invalid YAML gives the line', () => {
		const source = mutate(minimal, 'title: Testscan\n', 'title: Test: scan\n');
		const error = scanError(file, source);
		expect(error.message).toContain(`regel ${lineOf(source, 'title: Test: scan')}: geen geldige YAML`);
	});

	it('an unclosed quote is reported as invalid YAML, not as a schema problem', () => {
		const source = mutate(minimal, 'text: Stelling B2.', 'text: "Stelling B2.');
		const error = scanError(file, source);
		expect(error.problems.every((p) => p.includes('geen geldige YAML'))).toBe(true);
		expect(error.problems[0]).toMatch(/^regel \d+: /);
	});

	it('a duplicate item id names the id, its path and its line', () => {
		const source = mutate(minimal, '- id: a-2\n', '- id: a-1\n');
		const error = scanError(file, source);
		const problem = problemAt(error, 'themes[0].items[1].id');
		expect(problem).toContain('"a-1"');
		expect(problem).toContain('twee keer');
		expect(problem).toContain(`regel ${lineOf(source, '- id: a-1', 2)},`);
	});

	it('a duplicate item id in another theme points at the second one', () => {
		const source = mutate(minimal, '- id: b-2\n', '- id: a-ladder\n');
		const error = scanError(file, source);
		const problem = problemAt(error, 'themes[1].items[1].id');
		expect(problem).toContain('"a-ladder"');
		expect(problem).toContain(`regel ${lineOf(source, '- id: a-ladder', 2)},`);
	});

	it('an unknown role in comparison', () => {
		const source = mutate(minimal, 'comparison: [raad, gemeente]', 'comparison: [raad, wethouder]');
		const error = scanError(file, source);
		const problem = problemAt(error, 'comparison[1]');
		expect(problem).toContain('onbekende rol "wethouder"');
		expect(problem).toContain(`regel ${lineOf(source, 'comparison:')},`);
	});

	it('an unknown role in mirrorTarget', () => {
		const source = mutate(minimal, 'mirrorTarget: gemeente', 'mirrorTarget: wethouder');
		const error = scanError(file, source);
		const problem = problemAt(error, 'roles[0].mirrorTarget');
		expect(problem).toContain('onbekende rol "wethouder"');
		expect(problem).toContain(`regel ${lineOf(source, 'mirrorTarget: wethouder')},`);
	});

	it('an empty label', () => {
		const source = mutate(minimal, 'label: Gemeente', 'label: ""');
		const error = scanError(file, source);
		const problem = problemAt(error, 'roles[1].label');
		expect(problem).toContain('mag niet leeg zijn');
		expect(problem).toContain(`regel ${lineOf(source, 'label: ""')},`);
	});

	it('a label of only spaces counts as empty', () => {
		const error = scanError(file, mutate(minimal, 'label: Gemeente', 'label: "   "'));
		expect(problemAt(error, 'roles[1].label')).toContain('mag niet leeg zijn');
	});

	it('a missing label points at the role it belongs to', () => {
		const source = mutate(minimal, '    label: Gemeente\n', '');
		const error = scanError(file, source);
		const problem = problemAt(error, 'roles[1].label');
		expect(problem).toContain(`regel ${lineOf(source, '- id: gemeente')},`);
	});

	it('a missing item text, and an empty one', () => {
		const missing = mutate(minimal, '        text: Stelling B1.\n', '');
		expect(problemAt(scanError(file, missing), 'themes[1].items[0].text')).toContain(`regel ${lineOf(missing, '- id: b-1')},`);
		const empty = mutate(minimal, 'text: Stelling B1.', "text: ''");
		expect(problemAt(scanError(file, empty), 'themes[1].items[0].text')).toContain('mag niet leeg zijn');
	});

	it('a ladder with 4 steps', () => {
		const source = mutate(
			minimal,
			'steps: [informeren, raadplegen, adviseren, coproduceren, meebeslissen]',
			'steps: [informeren, raadplegen, adviseren, meebeslissen]'
		);
		const error = scanError(file, source);
		const problem = problemAt(error, 'themes[0].items[2].steps');
		expect(problem).toContain('precies 5 treden');
		expect(problem).toContain(`regel ${lineOf(source, 'steps:')},`);
	});

	it('an unknown item type', () => {
		const source = mutate(minimal, '- id: a-2\n        type: likert', '- id: a-2\n        type: schaal');
		const error = scanError(file, source);
		const problem = problemAt(error, 'themes[0].items[1].type');
		expect(problem).toContain(`regel ${lineOf(source, 'type: schaal')},`);
	});

	it('an unknown extra key (strict) names the key and its own line', () => {
		const source = mutate(minimal, '    title: Thema B\n', '    title: Thema B\n    kleur: rood\n');
		const error = scanError(file, source);
		const problem = problemAt(error, 'themes[1]');
		expect(problem).toContain('kleur');
		expect(problem).toContain(`regel ${lineOf(source, 'kleur: rood')},`);
	});

	it('an unknown top-level key', () => {
		const error = scanError(file, `${minimal}extra: waarde\n`);
		expect(error.message).toContain('extra');
		expect(error.message).toContain('(bovenste niveau)');
	});

	it('an empty file', () => {
		expect(scanError(file, '').problems).toEqual([expect.stringContaining('(bovenste niveau)')]);
	});

	it('a duplicate YAML key gives the line', () => {
		const source = mutate(minimal, 'title: Testscan\n', 'title: Testscan\ntitle: Nog een titel\n');
		const error = scanError(file, source);
		expect(error.problems).toHaveLength(1);
		expect(error.problems[0]).toContain(`regel ${lineOf(source, 'title: Nog een titel')}: geen geldige YAML`);
	});
});

describe('loadScanDirectory', () => {
	const tempDir = tempScanDirs();

	it('loads the real scans directory', () => {
		const loaded = loadScanDirectory(path.resolve('scans'));
		expect(loaded.map((s) => s.definition.id)).toContain('clientenparticipatie-werk-en-inkomen');
		for (const scan of loaded) expect(scan.contentHash).toBe(contentHash(scan.definition));
	});

	it('loads every .yaml file, sorted by name, and ignores other files', () => {
		const dir = tempDir({
			'b.yaml': mutate(minimal, 'version: 1', 'version: 2'),
			'a.yaml': minimal,
			'LEESMIJ.txt': 'geen scan'
		});
		const loaded = loadScanDirectory(dir);
		expect(loaded.map((s) => path.basename(s.file))).toEqual(['a.yaml', 'b.yaml']);
		expect(loaded.map((s) => s.definition.version)).toEqual([1, 2]);
	});

	it('an empty directory is an error that names it', () => {
		const dir = tempDir({ 'notities.txt': 'geen yaml' });
		expect(() => loadScanDirectory(dir)).toThrow(ScanFileError);
		expect(() => loadScanDirectory(dir)).toThrow(dir);
		expect(() => loadScanDirectory(dir)).toThrow(/geen scanbestanden/);
	});

	it('a missing directory is an error that names it', () => {
		const dir = path.join(tempDir(), 'bestaat-niet');
		expect(() => loadScanDirectory(dir)).toThrow(ScanFileError);
		expect(() => loadScanDirectory(dir)).toThrow(dir);
		expect(() => loadScanDirectory(dir)).toThrow(/bestaat niet/);
	});

	it('two files with the same id and version: the error names both files', () => {
		const dir = tempDir({ 'eerste.yaml': minimal, 'tweede.yaml': mutate(minimal, 'title: Testscan', 'title: Andere titel') });
		let error: unknown;
		try {
			loadScanDirectory(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ScanFileError);
		const message = (error as Error).message;
		expect(message).toContain(path.join(dir, 'eerste.yaml'));
		expect(message).toContain(path.join(dir, 'tweede.yaml'));
		expect(message).toContain('"testscan" versie 1');
	});

	it('an invalid file in the directory names that file', () => {
		const dir = tempDir({ 'goed.yaml': minimal, 'kapot.yaml': mutate(minimal, 'version: 1', 'version: een') });
		expect(() => loadScanDirectory(dir)).toThrow(path.join(dir, 'kapot.yaml'));
	});
});

describe('contentHash', () => {
	const base = contentHash(parseScanText(MINIMAL, minimal));

	it('ignores comments, blank lines, trailing spaces and flow versus block style', () => {
		let relaid = mutate(minimal, 'id: testscan\n', '# nog een opmerking\n\nid: testscan   # met commentaar\n');
		relaid = mutate(relaid, '  - id: thema-b\n', '\n\n  # tweede thema\n  - id: thema-b\n');
		relaid = mutate(
			relaid,
			'steps: [informeren, raadplegen, adviseren, coproduceren, meebeslissen]',
			'steps:\n          - informeren\n          - raadplegen\n          - adviseren\n          - coproduceren\n          - meebeslissen'
		);
		expect(relaid).not.toBe(minimal);
		expect(contentHash(parseScanText(MINIMAL, relaid))).toBe(base);
	});

	it('ignores the order of keys', () => {
		let reordered = mutate(minimal, 'id: testscan\nversion: 1\ntitle: Testscan\n', 'title: Testscan\nversion: 1\nid: testscan\n');
		reordered = mutate(reordered, '        type: likert\n        text: Stelling B2.', '        text: Stelling B2.\n        type: likert');
		expect(contentHash(parseScanText(MINIMAL, reordered))).toBe(base);
	});

	it('changes when a text changes', () => {
		const changed = mutate(minimal, 'text: Stelling A2.', 'text: Stelling A2, anders gezegd.');
		expect(contentHash(parseScanText(MINIMAL, changed))).not.toBe(base);
	});

	it('changes when only a short flag changes', () => {
		const changed = mutate(minimal, '        text: Stelling B2.\n', '        text: Stelling B2.\n        short: true\n');
		expect(contentHash(parseScanText(MINIMAL, changed))).not.toBe(base);
	});

	it('is a sha-256 hex digest', () => {
		expect(base).toMatch(/^[0-9a-f]{64}$/);
	});
});
