// Read-aloud audio: every spoken text of the shipped scan, in each of its languages, gets a valid
// MP3 whose length fits its text; a changed text gets a new file; the pronunciation list changes
// only what is said. Makes every file for real (espeak-ng in a worker thread), so it takes a while.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionSpoken, scanQuestions, withPronunciation, type SpokenPart } from '$lib/read-aloud/spoken';
import type { Locale } from '$lib/paraglide/runtime';
import { scanSchema } from '$lib/scan/schema';
import { SOURCE_LOCALE } from '$lib/scan/translation';
import { aloud, audioFile, audioHash, openAudioDir, prepareScans, whenIdle } from './read-aloud';
import { loadScans, scanIn } from './scans';

const BITRATES = {
	mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
};
const RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] } as Record<number, number[]>;

/** The length of an MP3 (layer III) from its frame headers; throws on anything that is not a frame. */
function mp3Seconds(bytes: Uint8Array): { seconds: number; frames: number } {
	let at = 0;
	let seconds = 0;
	let frames = 0;
	while (at + 4 <= bytes.length) {
		const header = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
		if (header >>> 21 !== 0x7ff) throw new Error(`no frame at byte ${at}`);
		const version = (header >>> 19) & 3;
		if (version === 1 || ((header >>> 17) & 3) !== 1) throw new Error(`not MPEG layer III at byte ${at}`);
		const bitrate = (version === 3 ? BITRATES.mpeg1 : BITRATES.mpeg2)[(header >>> 12) & 15] * 1000;
		const rate = RATES[version][(header >>> 10) & 3];
		if (!bitrate || !rate) throw new Error(`bad frame header at byte ${at}`);
		const samples = version === 3 ? 1152 : 576;
		at += Math.floor(((samples / 8) * bitrate) / rate) + ((header >>> 9) & 1);
		seconds += samples / rate;
		frames++;
	}
	return { seconds, frames };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-audio-'));
const scans = loadScans(path.resolve('scans'));

beforeAll(async () => {
	openAudioDir(dir);
	expect(prepareScans(scans)).toBeGreaterThan(50);
	await whenIdle();
}, 900_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the shipped scan read aloud', () => {
	const scan = scans[0];
	const locales = [SOURCE_LOCALE, ...Object.keys(scan.translations)] as Locale[];

	it('has both languages', () => expect(locales.sort()).toEqual(['en', 'nl']));

	it.each(locales)('has a valid file for every question in %s, as long as its text', (locale) => {
		const definition = scanIn(scan.definition, scan.contentHash, locale);
		const questions = scanQuestions(definition);
		expect(questions.length).toBeGreaterThan(30);
		for (const question of questions) {
			const parts = questionSpoken(question, locale);
			const control = aloud(parts, definition.pronunciation);
			expect(control, `${locale} ${question.key}`).not.toBeNull();
			const hash = control!.src.match(/^\/audio\/([0-9a-f]{32})\.mp3$/)![1];
			const bytes = fs.readFileSync(audioFile(hash)!);
			const { seconds } = mp3Seconds(bytes);
			const letters = parts.reduce((n, p) => n + p.text.length, 0);
			// Spoken at 150 words a minute: roughly 12–16 letters a second, pauses included.
			expect(seconds, `${locale} ${question.key}: ${letters} letters`).toBeGreaterThan(letters / 25);
			expect(seconds, `${locale} ${question.key}: ${letters} letters`).toBeLessThan(letters / 7 + 2);
			// At most about 40 KB per 10 seconds of speech.
			expect((bytes.length / seconds) * 10, `${locale} ${question.key}`).toBeLessThanOrEqual(40 * 1024);
		}
	});

	it('says each question in its own words: the statements of one language have as many files as texts', () => {
		const definition = scanIn(scan.definition, scan.contentHash, 'nl');
		const hashes = new Set(scanQuestions(definition).map((q) => audioHash(questionSpoken(q, 'nl'))));
		expect(hashes.size).toBe(scanQuestions(definition).length);
	});
});

describe('a changed text', () => {
	it('gets a new file, made in the background, while the old one stays', async () => {
		const before: SpokenPart[] = [{ text: 'De raad krijgt op tijd de stukken.', lang: 'nl' }];
		const after: SpokenPart[] = [{ text: 'De raad krijgt de stukken op tijd.', lang: 'nl' }];
		expect(aloud(before)).toBeNull();
		await whenIdle();
		const old = aloud(before)!;
		expect(old.src).toMatch(/^\/audio\/[0-9a-f]{32}\.mp3$/);
		expect(audioHash(after)).not.toBe(audioHash(before));
		// Not made yet: no control, until the worker has made it.
		expect(aloud(after)).toBeNull();
		await whenIdle();
		const changed = aloud(after)!;
		expect(changed.src).not.toBe(old.src);
		expect(changed.text).toBe(after[0].text);
		expect(mp3Seconds(fs.readFileSync(audioFile(changed.src.slice(7, 39))!)).seconds).toBeGreaterThan(1);
		expect(aloud(before)!.src).toBe(old.src);
	}, 120_000);

	it('in another voice or language is another file', () => {
		expect(audioHash([{ text: 'Ja.', lang: 'nl' }])).not.toBe(audioHash([{ text: 'Ja.', lang: 'en' }]));
		expect(audioHash([{ text: 'Ja.', lang: 'de' }])).toBeNull();
	});
});

describe('withPronunciation', () => {
	const list = { cliëntenraad: 'cliënten raad', UWV: 'U.W.V.' };

	it('replaces whole words in any case, and nothing else', () => {
		const parts = withPronunciation([{ text: 'De Cliëntenraad en het UWV; de cliëntenraadsleden en uwvx.', lang: 'nl' }], list);
		expect(parts[0].text).toBe('De cliënten raad en het U.W.V.; de cliëntenraadsleden en uwvx.');
	});

	it('changes the file but not what the page shows', () => {
		const parts: SpokenPart[] = [{ text: 'Het UWV helpt.', lang: 'nl' }];
		expect(audioHash(withPronunciation(parts, list))).not.toBe(audioHash(parts));
		expect(parts[0].text).toBe('Het UWV helpt.');
	});

	it('is an optional, short list in the scan file', () => {
		const definition = scans[0].definition;
		expect(scanSchema.safeParse({ ...definition, pronunciation: list }).success).toBe(true);
		const long = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`woord${i}`, 'zeg']));
		expect(scanSchema.safeParse({ ...definition, pronunciation: long }).success).toBe(false);
		expect(scanSchema.safeParse({ ...definition, pronunciation: { UWV: '' } }).success).toBe(false);
	});

	it('rejects a name that is not a file of ours', () => {
		expect(audioFile('../../etc/passwd')).toBeNull();
		expect(audioFile('0'.repeat(32))).toBeNull();
		expect(audioFile('A'.repeat(32))).toBeNull();
	});
});
