// The intro of a scan split for a small screen: what the questionnaire is and how long it takes
// come before the start button, everything else after it, so the button is in view on a phone.
// Works on the scan's own sentences, so nothing is said twice and no text is invented.

/** Sentences end at ".", "?" or "!" followed by a space (scan texts are written without abbreviations). */
const sentencesOf = (paragraph: string) => paragraph.split(/(?<=[.?!])\s+/).filter((s) => s !== '');

/**
 * The lead: the first sentence of the intro (what it is) and the sentence with the time placeholder
 * `{minuten}` (how long). The rest: the paragraphs without those sentences, empty ones left out.
 * Takes the paragraphs before their placeholders are filled in, so the time sentence can be found.
 */
export function splitIntro(paragraphs: string[]): { lead: string[]; rest: string[] } {
	const split = paragraphs.map(sentencesOf);
	const picked = new Set<string>();
	const lead: string[] = [];
	const take = (p: number, s: number) => {
		const key = `${p}:${s}`;
		if (picked.has(key)) return;
		picked.add(key);
		lead.push(split[p][s]);
	};
	if (split[0]?.length) take(0, 0);
	split.forEach((sentences, p) => sentences.forEach((sentence, s) => sentence.includes('{minuten}') && take(p, s)));
	const rest = split.map((sentences, p) => sentences.filter((_, s) => !picked.has(`${p}:${s}`)).join(' ')).filter((p) => p !== '');
	return { lead, rest };
}
