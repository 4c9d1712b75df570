// The "Download als SVG" file of a chart: the chart's own component rendered on the server (the
// same markup as on the page), with its title on top and the same legend and the source below,
// so a downloaded picture explains itself on a slide or in a report. Server-side only.
import { render } from 'svelte/server';
import { m } from '$lib/paraglide/messages';
import type { ChartSpec } from './chart-data';
import type { LegendGroup } from './legend';
import { chartComponent } from './registry';
import { markerPath } from './series';
import { CATEGORIES, EDGE, FONT, hatchId, textWidth, wrapText } from './shapes';

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

/** The line under a downloaded chart: which pilot, what the figures are and are not, in the request's language. */
export function chartFileSource(pilot: { municipality: string; roundLabel: string }, minGroupSize: number): string {
	return [
		m.res_chart_file_pilot({ app: m.app_name(), municipality: pilot.municipality, round: pilot.roundLabel }),
		m.res_caveat_lead(),
		m.res_chart_file_small({ count: minGroupSize })
	].join(' ');
}

/** The complete SVG file of a chart, drawn by its own component. */
export function chartSvgFile(chart: ChartSpec, source: string): string {
	const { body } = render(chartComponent(chart), { props: { chart, svgOnly: true } });
	// Svelte's hydration markers are comments; a file needs none of them.
	const markup = body.replace(/<!--[\s\S]*?-->/g, '').trim();
	return standaloneSvg(markup, { title: chart.title, legend: chart.legend, prefix: `${chart.id}-legend`, source });
}
