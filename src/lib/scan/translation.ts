// A scan in another language: the texts of a translation file replace the Dutch texts they were
// written for, and every text that stays Dutch is marked, so a page can say `lang="nl"` there.
import type { ScanDefinition, ScanTranslation, TranslatedText } from './schema';

/** The language every scan file is written in; a translation never replaces it. */
export const SOURCE_LOCALE = 'nl';

/** Where a text sits in a scan, by stable ids; a translation file uses the same keys. */
export type TextAddress =
	| ['title']
	| ['description']
	| ['intro' | 'paperIntro', number]
	| ['glossary', number, 'term' | 'text']
	| ['roles', string, 'label' | 'choice' | 'mirrorLabel']
	| ['themes', string, 'title' | 'subtitle']
	| ['themes', string, 'questions', number]
	| ['items', string, 'text']
	| ['items', string, 'steps', number];

/** "items.invloed-ladder.steps.2": the form an address has in `localized.dutch` and in messages. */
export const addressKey = (address: readonly (string | number)[]): string => address.join('.');

/**
 * `'nl'` when this text of a localized scan is still the Dutch original, else undefined: made for
 * `<p lang={langOf(scan, 'items', item.id, 'text')}>`, which leaves the attribute out when undefined.
 */
export function langOf(scan: ScanDefinition, ...address: TextAddress): 'nl' | undefined {
	return scan.localized?.dutch.includes(addressKey(address)) ? SOURCE_LOCALE : undefined;
}

/** The same scan with every text passed through `fn`; ids, flags and numbers stay as they are. */
export function mapTexts(scan: ScanDefinition, fn: (address: TextAddress, dutch: string) => string): ScanDefinition {
	const list = (key: 'intro' | 'paperIntro', texts: string[]) => texts.map((p, i) => fn([key, i], p));
	return {
		...scan,
		title: fn(['title'], scan.title),
		...(scan.description !== undefined && { description: fn(['description'], scan.description) }),
		intro: list('intro', scan.intro),
		...(scan.paperIntro && { paperIntro: list('paperIntro', scan.paperIntro) }),
		glossary: scan.glossary.map((g, i) => ({ term: fn(['glossary', i, 'term'], g.term), text: fn(['glossary', i, 'text'], g.text) })),
		roles: scan.roles.map((r) => ({
			...r,
			label: fn(['roles', r.id, 'label'], r.label),
			choice: fn(['roles', r.id, 'choice'], r.choice),
			...(r.mirrorLabel !== undefined && { mirrorLabel: fn(['roles', r.id, 'mirrorLabel'], r.mirrorLabel) })
		})),
		themes: scan.themes.map((t) => ({
			...t,
			title: fn(['themes', t.id, 'title'], t.title),
			...(t.subtitle !== undefined && { subtitle: fn(['themes', t.id, 'subtitle'], t.subtitle) }),
			...(t.questions && { questions: t.questions.map((q, i) => fn(['themes', t.id, 'questions', i], q)) }),
			items: t.items.map((item) => ({
				...item,
				text: fn(['items', item.id, 'text'], item.text),
				...(item.type === 'ladder' && { steps: item.steps.map((s, i) => fn(['items', item.id, 'steps', i], s)) })
			}))
		}))
	};
}

/** Every text of a scan with its address, in the order of the file. */
export function scanTexts(scan: ScanDefinition): { address: TextAddress; dutch: string }[] {
	const texts: { address: TextAddress; dutch: string }[] = [];
	mapTexts(scan, (address, dutch) => {
		texts.push({ address, dutch });
		return dutch;
	});
	return texts;
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
	record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The entry of a translation for one address, if the file has one there. */
export function entryAt(translation: ScanTranslation, address: TextAddress): TranslatedText | undefined {
	const t = translation;
	switch (address[0]) {
		case 'title':
		case 'description':
			return t[address[0]];
		case 'intro':
		case 'paperIntro':
			return t[address[0]]?.[address[1]] ?? undefined;
		case 'glossary':
			return t.glossary?.[address[1]]?.[address[2]];
		case 'roles':
			return own(t.roles, address[1])?.[address[2]];
		case 'themes':
			return address.length === 4
				? (own(t.themes, address[1])?.questions?.[address[3]] ?? undefined)
				: own(t.themes, address[1])?.[address[2]];
		case 'items':
			return address.length === 4 ? (own(t.items, address[1])?.steps?.[address[3]] ?? undefined) : own(t.items, address[1])?.text;
	}
}

/** Every entry a translation file holds, with its address, in the order of the file. */
export function translatedEntries(translation: ScanTranslation): { address: TextAddress; entry: TranslatedText }[] {
	const found: { address: TextAddress; entry: TranslatedText }[] = [];
	const add = (address: TextAddress, entry: TranslatedText | null | undefined) => {
		if (entry) found.push({ address, entry });
	};
	const t = translation;
	add(['title'], t.title);
	add(['description'], t.description);
	for (const key of ['intro', 'paperIntro'] as const) t[key]?.forEach((e, i) => add([key, i], e));
	t.glossary?.forEach((g, i) => {
		add(['glossary', i, 'term'], g?.term);
		add(['glossary', i, 'text'], g?.text);
	});
	for (const [id, r] of Object.entries(t.roles ?? {}))
		for (const field of ['label', 'choice', 'mirrorLabel'] as const) add(['roles', id, field], r[field]);
	for (const [id, th] of Object.entries(t.themes ?? {})) {
		for (const field of ['title', 'subtitle'] as const) add(['themes', id, field], th[field]);
		th.questions?.forEach((e, i) => add(['themes', id, 'questions', i], e));
	}
	for (const [id, item] of Object.entries(t.items ?? {})) {
		add(['items', id, 'text'], item.text);
		item.steps?.forEach((e, i) => add(['items', id, 'steps', i], e));
	}
	return found;
}

/**
 * The scan in `locale`. A translated text is used only when its `source` is the hash of the Dutch
 * text it replaces here, so an older snapshot or a changed Dutch text shows the Dutch, marked in
 * `localized.dutch`. Without a translation every text is Dutch and marked; in Dutch nothing changes.
 */
export function localizeScan(scan: ScanDefinition, translation: ScanTranslation | undefined, locale: string): ScanDefinition {
	if (locale === SOURCE_LOCALE) return scan;
	const dutch: string[] = [];
	const localized = mapTexts(scan, (address, nl) => {
		const entry = translation && entryAt(translation, address);
		if (entry && entry.source === sourceHash(nl)) return entry.text;
		dutch.push(addressKey(address));
		return nl;
	});
	return { ...localized, localized: { locale, dutch } };
}

export type TranslationGap = { address: TextAddress; kind: 'missing' | 'stale'; dutch: string; source: string };

/** Texts of the scan a translation does not cover (missing) or covers for another Dutch text (stale). */
export function translationGaps(scan: ScanDefinition, translation: ScanTranslation): TranslationGap[] {
	const gaps: TranslationGap[] = [];
	for (const { address, dutch } of scanTexts(scan)) {
		const entry = entryAt(translation, address);
		const source = sourceHash(dutch);
		if (!entry) gaps.push({ address, kind: 'missing', dutch, source });
		else if (entry.source !== source) gaps.push({ address, kind: 'stale', dutch, source });
	}
	return gaps;
}

export type TranslationIssue = { path: (string | number)[]; message: string };

const placeholders = (text: string) => [...new Set(text.match(/\{[a-z_]+\}/g) ?? [])].sort().join(', ');

/**
 * What makes a translation file wrong for its scan: an id, field or place the scan does not have,
 * another scan's id, or a current translation that lost or added a placeholder such as {minuten}.
 * The paths are places in the translation file, for the error that names file and line.
 */
export function translationIssues(scan: ScanDefinition, translation: ScanTranslation): TranslationIssue[] {
	const issues: TranslationIssue[] = [];
	const add = (path: (string | number)[], message: string) => issues.push({ path, message });
	const t = translation;
	if (t.scan !== scan.id) add(['scan'], `dit is een vertaling van "${t.scan}", maar het scanbestand heeft id "${scan.id}"`);
	if (t.description && scan.description === undefined) add(['description'], 'de scan heeft geen description');
	if (t.paperIntro && !scan.paperIntro) add(['paperIntro'], 'de scan heeft geen paperIntro');
	const tooLong = (key: 'intro' | 'paperIntro' | 'glossary', have: number, what: string) => {
		const length = t[key]?.length ?? 0;
		if (key !== 'paperIntro' || scan.paperIntro)
			for (let i = have; i < length; i++) add([key, i], `de scan heeft hier ${have} ${what}: er is geen nummer ${i + 1}`);
	};
	tooLong('intro', scan.intro.length, 'alinea’s');
	tooLong('paperIntro', scan.paperIntro?.length ?? 0, 'alinea’s');
	tooLong('glossary', scan.glossary.length, 'woorden');

	for (const [id, role] of Object.entries(t.roles ?? {})) {
		const known = scan.roles.find((r) => r.id === id);
		if (!known) add(['roles', id], `onbekende rol "${id}"`);
		else if (role.mirrorLabel && known.mirrorLabel === undefined) add(['roles', id, 'mirrorLabel'], `rol "${id}" heeft geen mirrorLabel`);
	}
	for (const [id, theme] of Object.entries(t.themes ?? {})) {
		const known = scan.themes.find((th) => th.id === id);
		if (!known) add(['themes', id], `onbekend thema "${id}"`);
		else if (theme.subtitle && known.subtitle === undefined) add(['themes', id, 'subtitle'], `thema "${id}" heeft geen subtitle`);
		else if (theme.questions && theme.questions.length > (known.questions?.length ?? 0))
			add(['themes', id, 'questions', known.questions?.length ?? 0], `thema "${id}" heeft ${known.questions?.length ?? 0} gespreksvragen`);
	}
	const items = new Map(scan.themes.flatMap((th) => th.items.map((item) => [item.id, item] as const)));
	for (const [id, item] of Object.entries(t.items ?? {})) {
		const known = items.get(id);
		if (!known) add(['items', id], `onbekende vraag "${id}"`);
		else if (item.steps && known.type !== 'ladder') add(['items', id, 'steps'], `vraag "${id}" is geen ladder en heeft geen treden`);
		else if (item.steps && known.type === 'ladder' && item.steps.length > known.steps.length)
			add(['items', id, 'steps', known.steps.length], `een ladder heeft ${known.steps.length} treden`);
	}
	if (issues.length > 0) return issues;

	// Only now is every address known; a stale entry is not shown, so its placeholders do not matter.
	const dutchAt = new Map(scanTexts(scan).map(({ address, dutch }) => [addressKey(address), dutch]));
	for (const { address, entry } of translatedEntries(t)) {
		const dutch = dutchAt.get(addressKey(address));
		if (dutch !== undefined && entry.source === sourceHash(dutch) && placeholders(dutch) !== placeholders(entry.text))
			add([...address, 'text'], `neem dezelfde plekhouders over als in het Nederlands (${placeholders(dutch) || 'geen'})`);
	}
	return issues;
}

/** The `source` of a translated text: the first 12 hex digits of the SHA-256 of the Dutch text (UTF-8). */
export function sourceHash(dutch: string): string {
	return sha256Hex(dutch).slice(0, 12);
}

// SHA-256 (FIPS 180-4) in plain TypeScript: this module is pure and runs in the browser too, where
// Web Crypto would only answer asynchronously. Checked against node:crypto in the tests.
// The round constants are made on first use: the questionnaire pages import this module for
// `langOf` only, and a table built at load time would travel with them.
let K: Uint32Array | undefined;
const roundConstants = () =>
	(K ??= Uint32Array.from(
		(
			'428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 ' +
			'80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d ' +
			'b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e ' +
			'92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 ' +
			'391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2'
		)
			.split(' ')
			.map((h) => parseInt(h, 16))
	));
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

export function sha256Hex(text: string): string {
	const bytes = new TextEncoder().encode(text);
	const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
	padded.set(bytes);
	padded[bytes.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
	view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
	const h = Uint32Array.from(H0);
	const k = roundConstants();
	const w = new Uint32Array(64);
	for (let block = 0; block < padded.length; block += 64) {
		for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
		for (let i = 16; i < 64; i++) {
			const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
			const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		let [a, b, c, d, e, f, g, hh] = h;
		for (let i = 0; i < 64; i++) {
			const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]) >>> 0;
			const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
			[hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
		}
		[a, b, c, d, e, f, g, hh].forEach((x, i) => (h[i] += x));
	}
	return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
