// Pure helpers for the result charts: how the five answers and "weet niet" look, where the parts
// of a diverging bar go, the heatmap's colour scale, and rough text fitting for SVG labels.
import { color, interpolateBlues, scaleSequential } from 'd3';
import { dontKnowLabel, scaleLabels } from '$lib/labels';
import type { Counts } from '$lib/analysis/stats';

/**
 * The five answers: a brown–teal diverging palette (ColorBrewer BrBG, safe for colour-blind
 * readers), darker for the outer answers and hatched on the disagree side, so greyscale print
 * still tells 1/2/3/4/5 apart. `ink` is the text colour on top of the fill (contrast ≥ 4.5:1).
 */
export type CategoryStyle = { label: string; fill: string; ink: string; hatch: string | null };
// The labels are getters: they are read when a chart is drawn, in the language of that request.
export const CATEGORIES: readonly CategoryStyle[] = [
	{
		get label() {
			return scaleLabels()[0];
		},
		fill: '#8c510a',
		ink: '#ffffff',
		hatch: '#f3dfb8'
	},
	{
		get label() {
			return scaleLabels()[1];
		},
		fill: '#dfc27d',
		ink: '#1a1a1a',
		hatch: '#8c510a'
	},
	{
		get label() {
			return scaleLabels()[2];
		},
		fill: '#e6e6e6',
		ink: '#1a1a1a',
		hatch: null
	},
	{
		get label() {
			return scaleLabels()[3];
		},
		fill: '#80cdc1',
		ink: '#1a1a1a',
		hatch: null
	},
	{
		get label() {
			return scaleLabels()[4];
		},
		fill: '#01665e',
		ink: '#ffffff',
		hatch: null
	}
];
export const DONT_KNOW: CategoryStyle = {
	get label() {
		return dontKnowLabel();
	},
	fill: '#8a8a8a',
	ink: '#1a1a1a',
	hatch: null
};
/** Borders between parts and around bars: clear edges for print and for low vision. */
export const EDGE = '#1a1a1a';
export const FONT = "'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";

/** Id of the hatch pattern of category `i` inside the chart `prefix` (ids must be unique per page). */
export const hatchId = (prefix: string, i: number) => `${prefix}-hatch-${i}`;

export type Segment = { category: number; from: number; to: number; share: number };

/** Where the neutral answer (3) goes: split half/half over the centre of the bar, or in a box of its own beside it. */
export type NeutralPlacement = 'midden' | 'apart';

/**
 * The parts of a diverging bar on a scale of −1 … 1 (shares of the valid answers): 1 and 2 left
 * of the centre, 4 and 5 right of it, and 3 split half/half over the centre, or left out of the
 * bar when it is shown apart.
 */
export function divergingSegments(counts: Counts, neutral: NeutralPlacement = 'midden'): Segment[] {
	const n = counts.reduce((a, b) => a + b, 0);
	if (n === 0) return [];
	const shares = counts.map((c) => c / n);
	let at = -(shares[0] + shares[1] + (neutral === 'midden' ? shares[2] / 2 : 0));
	return shares.flatMap((share, category) => {
		if (neutral === 'apart' && category === 2) return [];
		const segment = { category, from: at, to: at + share, share };
		at += share;
		return [segment];
	});
}

export type HeatMeasure = 'gemiddelde' | 'eens';

/**
 * Heatmap colours: one hue from light to dark (d3's Blues), so the order survives greyscale print;
 * the text in a cell is white or black, whichever contrasts more (at least 4.5:1 everywhere).
 */
const heatScales: Record<HeatMeasure, (v: number) => string> = {
	gemiddelde: scaleSequential((t: number) => interpolateBlues(0.08 + 0.84 * t)).domain([1, 5]),
	eens: scaleSequential((t: number) => interpolateBlues(0.08 + 0.84 * t)).domain([0, 1])
};

export function heatColour(measure: HeatMeasure, value: number): { fill: string; ink: string } {
	const fill = color(heatScales[measure](value))!.formatHex();
	return { fill, ink: contrast(fill, '#ffffff') >= contrast(fill, '#000000') ? '#ffffff' : '#000000' };
}

/** The steps of the heatmap's colour key. */
export const HEAT_STEPS: Record<HeatMeasure, number[]> = { gemiddelde: [1, 2, 3, 4, 5], eens: [0, 0.25, 0.5, 0.75, 1] };

function luminance(hex: string): number {
	const rgb = color(hex)!.rgb();
	const lin = (v: number) => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(rgb.r) + 0.7152 * lin(rgb.g) + 0.0722 * lin(rgb.b);
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
}

/**
 * A generous estimate of the width of a text in SVG units (measured against DejaVu Sans, the
 * widest of the chart fonts): labels must never overlap or run off the chart.
 */
export function textWidth(text: string, size: number, bold = false): number {
	return text.length * size * (bold ? 0.68 : 0.6);
}

/** A text broken on spaces into lines that fit `width` at font size `size`. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.length - 1;
		if (last >= 0 && textWidth(`${lines[last]} ${word}`, size, bold) <= width) lines[last] += ` ${word}`;
		else lines.push(word);
	}
	return lines.length ? lines : [''];
}
