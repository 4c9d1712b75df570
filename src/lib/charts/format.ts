// Numbers as Dutch readers write them: a decimal comma, one decimal for means, whole percentages,
// and a real minus sign. A signed number is rounded before its sign is chosen, so it never reads
// "+0,0" or "−0,0".
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

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
export const formatMean = (v: Maybe) => (v === null || v === undefined ? '–' : oneDecimal.format(round(v, 1)));
export const formatShare = (v: Maybe) => (v === null || v === undefined ? '–' : percent.format(v));
export const formatDelta = (v: Maybe) => signed(v, 2, twoDecimals);
export const formatGap = (v: Maybe) => signed(v, 1, oneDecimal);
/**
 * The difference of two means as the reader can check it: the difference of the two means as
 * they are shown (rounded to one decimal), so "2,1 tegen 3,7" always reads "−1,6".
 */
export const formatMeanGap = (a: Maybe, b: Maybe) =>
	a === null || a === undefined || b === null || b === undefined ? '–' : formatGap(round(a, 1) - round(b, 1));

/** A mirror result in words: how far the expectation was off, by the means as shown. */
export function formatMirror(predicted: number, actual: number): string {
	const off = round(round(predicted, 1) - round(actual, 1), 1);
	if (off === 0) return 'verwachting klopt';
	return `verwachting ${oneDecimal.format(Math.abs(off))} te ${off > 0 ? 'hoog' : 'laag'}`;
}

/** Cliff's delta in words (Romano 2006 bands), in plain Dutch. */
export const deltaLabels = { negligible: 'heel klein', small: 'klein', medium: 'middelgroot', large: 'groot' } as const;

/** "1 antwoord", "12 antwoorden". */
export const answerCount = (n: number) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`;

/** What a suppressed figure says: never a number, never confused with "no data". */
export const SUPPRESSED = 'te weinig antwoorden';
/** A group that is shown, but with too few scores on one statement to show its figures there. */
export const SUPPRESSED_STATEMENT = 'te weinig antwoorden op deze stelling';
