// Numbers as readers of the request's language write them (Dutch 3,5; English 3.5): one decimal
// for means, whole percentages, and a real minus sign. A signed number is rounded before its sign
// is chosen, so it never reads "+0,0" or "−0,0". The words around numbers come from the catalogue.
import { intlTag } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { DeltaLabel } from '$lib/analysis/stats';

type Formats = { oneDecimal: Intl.NumberFormat; percent: Intl.NumberFormat };
// One set per language tag, made on first use: the tag is read on every call, so no language is frozen.
const byTag = new Map<string, Formats>();
function formats(): Formats {
	const tag = intlTag();
	let found = byTag.get(tag);
	if (!found) {
		found = {
			oneDecimal: new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
			percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })
		};
		byTag.set(tag, found);
	}
	return found;
}

type Maybe = number | null | undefined;
/**
 * Rounds half away from zero, so a number and its negative always read the same apart from the
 * sign, and rounds decimal halves as a person (and a spreadsheet) would: −29/200 is −0,145 and
 * reads −0,15, although in binary 0.145 × 100 is 14.4999…; the scaled value is first cut to 12
 * significant digits, far beyond what any figure here carries.
 */
const round = (v: number, digits: number) =>
	(Math.sign(v) * Math.round(Number((Math.abs(v) * 10 ** digits).toPrecision(12)))) / 10 ** digits;
function signed(v: Maybe, digits: number, format: Intl.NumberFormat): string {
	if (v === null || v === undefined) return '–';
	const r = round(v, digits);
	return `${r > 0 ? '+' : r < 0 ? '−' : ''}${format.format(Math.abs(r))}`;
}

/** A mean with one decimal, rounded the same way as formatMeanGap rounds it. */
export const formatMean = (v: Maybe) => (v === null || v === undefined ? '–' : formats().oneDecimal.format(round(v, 1)));
/** A median step of the ladder: a whole step as it is (3), between two steps with its half (2,5). */
export const formatStep = (v: Maybe) => (v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : formatMean(v));
export const formatShare = (v: Maybe) => (v === null || v === undefined ? '–' : formats().percent.format(v));
export const formatGap = (v: Maybe) => signed(v, 1, formats().oneDecimal);
/**
 * The difference of two means as the reader can check it: the difference of the two means as
 * they are shown (rounded to one decimal), so "2,1 tegen 3,7" always reads "−1,6".
 */
export const formatMeanGap = (a: Maybe, b: Maybe) =>
	a === null || a === undefined || b === null || b === undefined ? '–' : formatGap(round(a, 1) - round(b, 1));

/** A mirror result in words: how far the expectation was off, by the means as shown. */
export function formatMirror(predicted: number, actual: number): string {
	const off = round(round(predicted, 1) - round(actual, 1), 1);
	if (off === 0) return m.res_mirror_right();
	const gap = formats().oneDecimal.format(Math.abs(off));
	return off > 0 ? m.res_mirror_too_high({ gap }) : m.res_mirror_too_low({ gap });
}

/** Cliff's delta in words (Romano 2006 bands), in plain language. */
export const deltaLabels = (): Record<DeltaLabel, string> => ({
	negligible: m.res_delta_negligible(),
	small: m.res_delta_small(),
	medium: m.res_delta_medium(),
	large: m.res_delta_large()
});

/** "1 antwoord", "12 antwoorden". */
export const answerCount = (count: number) => m.res_answer_count({ count });

/** What a suppressed figure says: never a number, never confused with "no data". */
export const suppressedText = () => m.res_too_few();
/** A group that is shown, but with too few scores on one statement to show its figures there. */
export const suppressedStatementText = () => m.res_too_few_statement();

/** Names as a list in the request's language: "A en B", "A, B en C". */
export const formatList = (items: readonly string[]) => new Intl.ListFormat(intlTag(), { type: 'conjunction' }).format(items);
