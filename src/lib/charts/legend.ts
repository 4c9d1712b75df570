// What each chart's legend says (the page shows it in HTML under the chart) and the stand-alone
// SVG file for "Download als SVG": the chart's own markup with its title, the same legend and the
// source underneath, so a downloaded picture explains itself on a slide or in a report.
import { CATEGORIES, DONT_KNOW, EDGE, FONT, hatchId, heatColour, HEAT_STEPS, textWidth, wrapText, type HeatMeasure } from './shapes';
import { markerPath, roleDash, roleStyle, type RoleStyle } from './roles';
import { formatMean, formatShare, SUPPRESSED } from './format';

export type LegendEntry =
	| { kind: 'role'; label: string; style: RoleStyle; hollow?: boolean; /** the role's line, when the chart draws one */ dash?: string }
	| { kind: 'swatch'; label: string; fill: string; hatch: string | null; category?: number };
/** `note` is a line of its own under the entries (the roles with too few answers), so it is never read as part of an entry. */
export type LegendGroup = { label: string; entries: LegendEntry[]; note?: string };

type Role = { role: string; label: string; suppressed: boolean };

export function roleLegend(roles: readonly Role[], lines = false): LegendGroup {
	const small = roles.filter((r) => r.suppressed).map((r) => r.label);
	return {
		label: 'Groepen',
		entries: roles.flatMap((r, i): LegendEntry[] =>
			r.suppressed ? [] : [{ kind: 'role', label: r.label, style: roleStyle(i), ...(lines ? { dash: roleDash(i) } : {}) }]
		),
		...(small.length ? { note: `Niet getoond, ${SUPPRESSED}: ${small.join(', ')}` } : {})
	};
}

export function answerLegend(): LegendGroup {
	return {
		label: 'Antwoorden',
		entries: [
			...CATEGORIES.map((c, i): LegendEntry => ({
				kind: 'swatch',
				label: `${i + 1} ${c.label.toLowerCase()}`,
				fill: c.fill,
				hatch: c.hatch,
				category: i
			})),
			{ kind: 'swatch', label: DONT_KNOW.label.toLowerCase(), fill: DONT_KNOW.fill, hatch: null }
		]
	};
}

export function heatLegend(measure: HeatMeasure): LegendGroup {
	return {
		label: measure === 'gemiddelde' ? 'Gemiddelde (1 = helemaal oneens, 5 = helemaal eens)' : 'Deel dat het eens is',
		entries: HEAT_STEPS[measure].map((v) => ({
			kind: 'swatch',
			label: measure === 'gemiddelde' ? formatMean(v) : formatShare(v),
			fill: heatColour(measure, v).fill,
			hatch: null
		}))
	};
}

/** Open marker = the first value ("nu", "verwachting"), filled marker = the second. */
export function pairLegend(first: string, second: string): LegendGroup {
	const style: RoleStyle = { color: '#1a1a1a', shape: 'circle' };
	return {
		label: 'Tekens',
		entries: [
			{ kind: 'role', label: first, style, hollow: true },
			{ kind: 'role', label: second, style }
		]
	};
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The `<defs>` of the answer hatching, as markup (the Svelte charts render the same in Patterns.svelte). */
export function hatchDefs(prefix: string): string {
	return CATEGORIES.map((c, i) =>
		c.hatch
			? `<pattern id="${hatchId(prefix, i)}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="${c.fill}"/><line x1="2" y1="0" x2="2" y2="8" stroke="${c.hatch}" stroke-width="2.5"/></pattern>`
			: ''
	).join('');
}

const LEGEND_SIZE = 18;
const LEGEND_ROW = 34;

/** Legend entries laid out in rows that fit `width`; returns the markup and its height. */
function legendMarkup(groups: readonly LegendGroup[], width: number, prefix: string, top: number): { markup: string; height: number } {
	const parts: string[] = [];
	let y = top;
	for (const group of groups) {
		parts.push(`<text x="20" y="${y + 22}" font-size="${LEGEND_SIZE}" font-weight="700">${escapeXml(group.label)}</text>`);
		y += LEGEND_ROW;
		let x = 20;
		for (const entry of group.entries) {
			const label = entry.label;
			const w = 34 + textWidth(label, LEGEND_SIZE) + 24;
			if (x > 20 && x + w > width - 20) {
				x = 20;
				y += LEGEND_ROW;
			}
			const cy = y + 16;
			if (entry.kind === 'swatch') {
				const fill = entry.hatch && entry.category !== undefined ? `url(#${hatchId(prefix, entry.category)})` : entry.fill;
				parts.push(`<rect x="${x}" y="${cy - 10}" width="26" height="20" fill="${fill}" stroke="${EDGE}" stroke-width="1"/>`);
			} else {
				if (entry.dash !== undefined)
					parts.push(
						`<line x1="${x - 4}" x2="${x + 30}" y1="${cy}" y2="${cy}" stroke="${entry.style.color}" stroke-width="3"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`
					);
				const fill = entry.hollow ? '#ffffff' : entry.style.color;
				const stroke = entry.hollow ? entry.style.color : '#000000';
				parts.push(
					`<path d="${markerPath(entry.style.shape, 16)}" transform="translate(${x + 13} ${cy})" fill="${fill}" stroke="${stroke}" stroke-width="${entry.hollow ? 3 : 1.5}"/>`
				);
			}
			parts.push(`<text x="${x + 34}" y="${cy + 6}" font-size="${LEGEND_SIZE}">${escapeXml(label)}</text>`);
			x += w;
		}
		if (group.note) {
			for (const line of wrapText(group.note, width - 40, LEGEND_SIZE)) {
				y += LEGEND_ROW;
				parts.push(`<text x="20" y="${y + 22}" font-size="${LEGEND_SIZE}" fill="#4b4b4b">${escapeXml(line)}</text>`);
			}
		}
		y += LEGEND_ROW + 6;
	}
	return { markup: parts.join(''), height: y - top };
}

export type StandaloneOptions = { title: string; legend: readonly LegendGroup[]; source: string; prefix: string };

/**
 * A complete SVG file around the chart's own `<svg>` markup: white background, the title on top,
 * the legend and the source below, and an XML declaration so every program opens it.
 */
export function standaloneSvg(chart: string, options: StandaloneOptions): string {
	const box = chart.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/);
	if (!box) throw new Error('chart markup has no viewBox');
	const [innerWidth, innerHeight] = [Number(box[1]), Number(box[2])];
	const width = Math.max(innerWidth, 640);
	const titleLines = wrapText(options.title, width - 40, 24, true);
	const chartTop = 20 + titleLines.length * 32 + 10;
	const legend = legendMarkup(options.legend, width, options.prefix, chartTop + innerHeight + 10);
	const sourceLines = wrapText(options.source, width - 40, 16);
	const sourceTop = chartTop + innerHeight + 10 + legend.height;
	const height = Math.ceil(sourceTop + sourceLines.length * 22 + 16);
	const title = titleLines
		.map((line, i) => `<text x="20" y="${44 + i * 32}" font-size="24" font-weight="700">${escapeXml(line)}</text>`)
		.join('');
	const source = sourceLines
		.map((line, i) => `<text x="20" y="${sourceTop + 18 + i * 22}" font-size="16" fill="#4b4b4b">${escapeXml(line)}</text>`)
		.join('');
	const placed = chart.replace(
		/^<svg\b/,
		`<svg x="${(width - innerWidth) / 2}" y="${chartTop}" width="${innerWidth}" height="${innerHeight}"`
	);
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" fill="#1a1a1a">` +
		`<defs>${hatchDefs(options.prefix)}</defs>` +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>` +
		title +
		placed +
		legend.markup +
		source +
		'</svg>\n'
	);
}
