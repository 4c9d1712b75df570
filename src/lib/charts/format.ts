// Numbers as Dutch readers write them: a decimal comma, one decimal for means, whole percentages.
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

export const formatMean = (v: number | null | undefined) => (v === null || v === undefined ? '–' : oneDecimal.format(v));
export const formatDelta = (v: number | null | undefined) => (v === null || v === undefined ? '–' : twoDecimals.format(v));
export const formatShare = (v: number | null | undefined) => (v === null || v === undefined ? '–' : percent.format(v));
export const formatGap = (v: number | null | undefined) =>
	v === null || v === undefined ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${oneDecimal.format(Math.abs(v))}`;

export const deltaLabels = { negligible: 'verwaarloosbaar', small: 'klein', medium: 'middelgroot', large: 'groot' } as const;

/** What a suppressed figure says: never a number, never confused with "no data". */
export const SUPPRESSED = 'te weinig antwoorden';
