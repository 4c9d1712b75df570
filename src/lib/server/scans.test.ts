import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScanFileError } from '$lib/scan/parse';
import { tempScanDirs } from './test-scan-dir';
import { langOf } from '$lib/scan/translation';
import { contentHash, loadScanDirectory, loadScans, scanIn } from './scans';

const minimal = fs.readFileSync(path.resolve('tests/fixtures/scans/minimal.yaml'), 'utf8');
const minimalEn = fs.readFileSync(path.resolve('tests/fixtures/scans/minimal.en.yaml'), 'utf8');

const tempDir = tempScanDirs();

function loadError(dir: string): ScanFileError {
	try {
		loadScanDirectory(dir);
	} catch (e) {
		expect(e).toBeInstanceOf(ScanFileError);
		return e as ScanFileError;
	}
	throw new Error('loadScanDirectory accepted a broken directory');
}

describe('loadScanDirectory with translations', () => {
	it('loads <scan>.<language>.yaml as a translation of <scan>.yaml, not as a scan', () => {
		const loaded = loadScanDirectory(tempDir({ 'test.yaml': minimal, 'test.en.yaml': minimalEn }));
		expect(loaded).toHaveLength(1);
		const en = loaded[0].translations.en;
		expect(en.locale).toBe('en');
		expect(path.basename(en.file)).toBe('test.en.yaml');
		expect(en.translation.title?.text).toBe('Test scan');
	});

	it('the shipped scans all load with their English translation', () => {
		for (const scan of loadScanDirectory(path.resolve('scans'))) expect(Object.keys(scan.translations), scan.file).toContain('en');
	});

	it('a broken translation stops the loader with the file, the line and the place', () => {
		const dir = tempDir({ 'test.yaml': minimal, 'test.en.yaml': minimalEn.replace('  b-1:\n', '  b-9:\n') });
		const error = loadError(dir);
		expect(error.file).toBe(path.join(dir, 'test.en.yaml'));
		expect(error.problems).toEqual([expect.stringMatching(/^regel \d+, items\.b-9: onbekende vraag "b-9"$/)]);
	});

	it('a translation without its scan file, or into Dutch, is an error', () => {
		expect(loadError(tempDir({ 'test.yaml': minimal, 'ander.en.yaml': minimalEn })).message).toMatch(/ander\.yaml bestaat niet/);
		expect(loadError(tempDir({ 'test.yaml': minimal, 'test.nl.yaml': minimalEn })).message).toMatch(/geen \.nl-vertaling/);
	});

	it('a directory with only translations has no scans', () => {
		expect(loadError(tempDir({ 'test.en.yaml': minimalEn })).message).toMatch(/geen scanbestanden/);
	});
});

describe('scanIn', () => {
	it('gives the snapshot in a language, built once per snapshot and language', () => {
		const [scan] = loadScans(tempDir({ 'test.yaml': minimal, 'test.en.yaml': minimalEn }));
		const snapshot = JSON.parse(JSON.stringify(scan.definition));
		const en = scanIn(snapshot, scan.contentHash, 'en');
		expect(en.title).toBe('Test scan');
		expect(langOf(en, 'items', 'b-2', 'text')).toBe('nl');
		expect(scanIn(JSON.parse(JSON.stringify(scan.definition)), scan.contentHash, 'en')).toBe(en);
		expect(scanIn(snapshot, scan.contentHash, 'nl')).toBe(snapshot);
	});

	it('an older snapshot uses the translation of the newer version where its Dutch is the same', () => {
		const v2 = minimal.replace('version: 1', 'version: 2').replace('text: Stelling A2.', 'text: Stelling A2, anders.');
		loadScans(tempDir({ 'test-v2.yaml': v2, 'test-v2.en.yaml': minimalEn }));
		const [old] = loadScanDirectory(tempDir({ 'test.yaml': minimal }));
		const en = scanIn(old.definition, contentHash(old.definition), 'en');
		expect(en.themes[0].items.map((i) => i.text)).toEqual([
			'Statement A1.',
			'Statement A2.',
			'How do we work together?',
			'Anything else you want to say?'
		]);
	});

	it('without a translation in that language the Dutch comes back, every text marked', () => {
		const [scan] = loadScans(tempDir({ 'test.yaml': minimal }));
		const en = scanIn(scan.definition, scan.contentHash, 'en');
		expect(en.title).toBe('Testscan');
		expect(langOf(en, 'title')).toBe('nl');
	});
});
