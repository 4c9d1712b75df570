// Speech to an MP3 file, inside Node: espeak-ng (WebAssembly, GPL-3.0: it only makes files on the
// server and is never sent to a browser) speaks the text into a WAV file in its own memory, and
// lamejs encodes that to a small mono MP3. Plain JavaScript, because a worker thread runs it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ESpeakNg from 'espeak-ng';
import { Mp3Encoder } from '@breezystack/lamejs';
import { BITRATE, SPEED, VOICES } from './voices.js';

/** @typedef {{ text: string, lang: string }} SpokenPart */

/** @param {string} lang */
function voiceOf(lang) {
	const voice = /** @type {Record<string, string>} */ (VOICES)[lang];
	if (!voice) throw new Error(`no voice for language "${lang}"`);
	return voice;
}

const escapeXml = (/** @type {string} */ text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The pause put between texts said in one run; espeak-ng's own pauses are far shorter (~0.5 s at most). */
const GAP_MS = 2500;

/**
 * The espeak-ng arguments for texts said in one run, in one voice: SSML with a long pause after
 * each, where the sound is cut apart again.
 * @param {string} voice
 * @param {string[]} texts
 */
export function espeakArguments(voice, texts) {
	const body = texts.map((t) => `${escapeXml(t)} <break time="${GAP_MS}ms"/>`).join(' ');
	return ['-m', '-s', String(SPEED), '-w', '/out.wav', '-v', voice, `<speak>${body}</speak>`];
}

/**
 * The samples of a WAV file as espeak-ng writes it (16-bit mono PCM) and its sample rate.
 * @param {Uint8Array} wav
 */
export function pcmOf(wav) {
	const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
	const tag = (/** @type {number} */ at) => String.fromCharCode(...wav.subarray(at, at + 4));
	if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('espeak-ng gave no WAV file');
	let sampleRate = 22050;
	for (let at = 12; at + 8 <= wav.length;) {
		const size = view.getUint32(at + 4, true);
		if (tag(at) === 'fmt ') sampleRate = view.getUint32(at + 12, true);
		if (tag(at) === 'data') {
			const end = Math.min(wav.length, at + 8 + size);
			const bytes = wav.slice(at + 8, end - ((end - at - 8) % 2));
			return { samples: new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2), sampleRate };
		}
		at += 8 + size + (size % 2);
	}
	throw new Error('the WAV file of espeak-ng has no data');
}

/** The engine compiled once per thread; each text gets a fresh instance of it (its command line runs once). */
/** @type {Promise<WebAssembly.Module> | undefined} */
let compiled;
function engine() {
	const file = path.join(path.dirname(createRequire(import.meta.url).resolve('espeak-ng')), 'espeak-ng.wasm');
	compiled ??= WebAssembly.compile(fs.readFileSync(file));
	return compiled;
}

/** MP3 at 24 kbit/s is 16 kHz; resampled here, lamejs's own resampling took longer than the encoding. */
const RATE = 16000;

/**
 * @param {Int16Array} samples
 * @param {number} from
 */
function resample(samples, from) {
	if (from === RATE) return samples;
	const out = new Int16Array(Math.floor((samples.length * RATE) / from));
	const step = from / RATE;
	for (let i = 0; i < out.length; i++) {
		const at = i * step;
		const j = Math.floor(at);
		const next = j + 1 < samples.length ? samples[j + 1] : samples[j];
		out[i] = Math.round(samples[j] + (next - samples[j]) * (at - j));
	}
	return out;
}

/**
 * The sound of parts said before, by voice and text: the answers of a statement are the same for
 * every statement, so they are spoken and encoded once. MP3 frames made without a bit reservoir
 * (as lamejs makes them) stand alone, so parts are joined by putting their bytes one after another.
 * @type {Map<string, { mp3: Uint8Array, seconds: number }>}
 */
const spokenBefore = new Map();
const REMEMBER = 5000;

/** @param {SpokenPart} part */
const keyOf = (part) => `${voiceOf(part.lang)}\n${part.text}`;

/**
 * Runs espeak-ng once for these texts in one voice; returns the samples at RATE.
 * @param {string} voice
 * @param {string[]} texts
 */
async function speak(voice, texts) {
	const module = await engine();
	// A new instance per run: espeak-ng's command line runs once per instance (~0.2 s to start).
	const espeak = await ESpeakNg({
		arguments: espeakArguments(voice, texts),
		print: () => {},
		printErr: () => {},
		instantiateWasm: (imports, done) => {
			WebAssembly.instantiate(module, imports).then((instance) => done(instance, module));
			return {};
		}
	});
	const wav = pcmOf(espeak.FS.readFile('/out.wav'));
	return resample(wav.samples, wav.sampleRate);
}

/**
 * The sound cut apart at the long pauses between texts, each piece with a short pause of its own
 * on either side. Silence is what espeak-ng writes between words: (nearly) zero samples.
 * @param {Int16Array} samples
 */
export function cutAtPauses(samples) {
	const long = (RATE * GAP_MS * 0.6) / 1000;
	const keep = Math.round(RATE * 0.15);
	/** @type {Int16Array[]} */
	const pieces = [];
	let start = -1;
	let quiet = 0;
	for (let i = 0; i <= samples.length; i++) {
		const silent = i === samples.length || Math.abs(samples[i]) < 8;
		if (!silent) {
			if (start < 0) start = i;
			quiet = 0;
			continue;
		}
		quiet++;
		if (start >= 0 && (quiet >= long || i === samples.length)) {
			const end = i - quiet + 1;
			pieces.push(samples.slice(Math.max(0, start - keep), Math.min(samples.length, end + keep)));
			start = -1;
		}
	}
	return pieces;
}

/** @param {Int16Array} samples */
function encode(samples) {
	const encoder = new Mp3Encoder(1, RATE, BITRATE);
	/** @type {Uint8Array[]} */
	const chunks = [];
	// lamejs encodes in blocks of 1152 samples; larger blocks only cost memory.
	for (let i = 0; i < samples.length; i += 1152 * 16) chunks.push(encoder.encodeBuffer(samples.subarray(i, i + 1152 * 16)));
	chunks.push(encoder.flush());
	return { mp3: join(chunks), seconds: samples.length / RATE };
}

/**
 * Speaks every part not spoken before, in as few runs of the engine as it can (starting one costs
 * more than saying a sentence): up to 40 texts of one voice at a time, cut apart at the pauses.
 * Should a run not cut into as many pieces as it had texts, each of its texts is said on its own.
 * @param {SpokenPart[]} parts
 */
export async function prepare(parts) {
	/** @type {Map<string, string[]>} */
	const byVoice = new Map();
	for (const part of parts) {
		const key = keyOf(part);
		if (spokenBefore.has(key)) continue;
		const texts = byVoice.get(voiceOf(part.lang)) ?? [];
		if (!texts.includes(part.text)) texts.push(part.text);
		byVoice.set(voiceOf(part.lang), texts);
	}
	for (const [voice, texts] of byVoice)
		for (let i = 0; i < texts.length; i += 40) {
			const run = texts.slice(i, i + 40);
			let pieces = cutAtPauses(await speak(voice, run));
			if (pieces.length !== run.length) {
				pieces = [];
				for (const text of run) {
					const own = cutAtPauses(await speak(voice, [text]));
					pieces.push(own.length ? join(own) : new Int16Array(RATE / 2));
				}
			}
			run.forEach((text, j) => remember(`${voice}\n${text}`, encode(pieces[j])));
		}
}

/**
 * @param {string} key
 * @param {{ mp3: Uint8Array, seconds: number }} spoken
 */
function remember(key, spoken) {
	if (spokenBefore.size >= REMEMBER) spokenBefore.delete(spokenBefore.keys().next().value ?? '');
	spokenBefore.set(key, spoken);
}

/**
 * @template {Uint8Array | Int16Array} T
 * @param {T[]} chunks
 * @returns {T}
 */
function join(chunks) {
	const Kind = /** @type {{ new (n: number): T }} */ (chunks[0]?.constructor ?? Uint8Array);
	const all = new Kind(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		all.set(chunk, at);
		at += chunk.length;
	}
	return all;
}

/**
 * The parts one after another, each in its language's voice, as one MP3 and its length in seconds.
 * @param {SpokenPart[]} parts
 * @returns {Promise<{ mp3: Uint8Array, seconds: number }>}
 */
export async function synthesize(parts) {
	if (parts.length === 0) throw new Error('nothing to say');
	await prepare(parts);
	const spoken = parts.map((part) => /** @type {{ mp3: Uint8Array, seconds: number }} */ (spokenBefore.get(keyOf(part))));
	return { mp3: join(spoken.map((s) => s.mp3)), seconds: spoken.reduce((n, s) => n + s.seconds, 0) };
}
