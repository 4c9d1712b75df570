// What a chart compares: its series. Today these are the roles of one pilot; the same charts can
// take the rounds of a pilot or groups of pilots later, as long as each series has an id (the key
// of its values), a label, a look of its own and whether its figures are hidden.
// The look: a colour from the Okabe–Ito palette (safe for colour-blind readers), a marker shape
// and a line dash of its own, so series stay apart in greyscale print and on a projector.
import type { PilotResults } from '$lib/analysis/aggregate';
import type { ResultTexts } from '$lib/analysis/texts';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';
export type MarkerStyle = { color: string; shape: MarkerShape };
/** `dash` is the line of a series in charts that join its points (the spinnenweb). */
export type SeriesStyle = MarkerStyle & { dash: string };

export type Series = {
	id: string;
	label: string;
	style: SeriesStyle;
	/** Below the minimum group size: the series has no figures, and charts say so. */
	suppressed: boolean;
};

const MARKERS: MarkerStyle[] = [
	{ color: '#0072B2', shape: 'circle' },
	{ color: '#D55E00', shape: 'square' },
	{ color: '#009E73', shape: 'triangle' },
	{ color: '#CC79A7', shape: 'diamond' }
];
const DASHES = ['', '10 6', '3 5', '14 5 3 5'];

/** The look of the series at `index`; the same index looks the same in every chart. */
export function seriesStyle(index: number): SeriesStyle {
	return { ...MARKERS[index % MARKERS.length], dash: DASHES[index % DASHES.length] };
}

/** The roles of a pilot as series, in the pilot's role order, named in the words of `texts`. */
export function roleSeries(results: PilotResults, texts: ResultTexts): Series[] {
	return results.roles.map((r, index) => ({ id: r.role, label: texts.role(r.role), style: seriesStyle(index), suppressed: r.suppressed }));
}

/** SVG path of a marker of about `size` across, centred on (0, 0). */
export function markerPath(shape: MarkerShape, size = 14): string {
	const r = size / 2;
	switch (shape) {
		case 'circle':
			return `M ${-r} 0 a ${r} ${r} 0 1 0 ${size} 0 a ${r} ${r} 0 1 0 ${-size} 0`;
		case 'square':
			return `M ${-r} ${-r} h ${size} v ${size} h ${-size} Z`;
		case 'triangle':
			return `M 0 ${-r * 1.15} L ${r * 1.1} ${r * 0.85} L ${-r * 1.1} ${r * 0.85} Z`;
		case 'diamond':
			return `M 0 ${-r * 1.25} L ${r * 1.1} 0 L 0 ${r * 1.25} L ${-r * 1.1} 0 Z`;
	}
}
