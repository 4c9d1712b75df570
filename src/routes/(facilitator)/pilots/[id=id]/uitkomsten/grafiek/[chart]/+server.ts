// GET …/uitkomsten/grafiek/<chart>: one results chart as an SVG file to download, drawn by the same
// component as on the page (rendered on the server) with its title, legend and source around it.
import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import DivergingBars from '$lib/charts/DivergingBars.svelte';
import DumbbellChart from '$lib/charts/DumbbellChart.svelte';
import Heatmap from '$lib/charts/Heatmap.svelte';
import LadderChart from '$lib/charts/LadderChart.svelte';
import MirrorChart from '$lib/charts/MirrorChart.svelte';
import RadarChart from '$lib/charts/RadarChart.svelte';
import { chartBySlug, chartFilename, fileSlug, type ChartSpec } from '$lib/charts/chart-data';
import { standaloneSvg } from '$lib/charts/legend';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { latestRelease } from '$lib/server/releases';
import type { RequestHandler } from './$types';

const COMPONENTS: Record<ChartSpec['kind'], Component<{ chart: never; svgOnly: boolean }>> = {
	dumbbell: DumbbellChart,
	diverging: DivergingBars,
	ladder: LadderChart,
	mirror: MirrorChart,
	heatmap: Heatmap,
	radar: RadarChart
};

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'view');
	const { params, url } = event;
	if (!/^[a-z0-9-]{1,100}$/.test(params.chart)) error(404, 'Deze grafiek bestaat niet.');
	const release = latestRelease(db(), pilot.id);
	if (!release) error(404, 'Er zijn nog geen uitkomsten vrijgegeven.');
	const results = release.results;
	const chart = chartBySlug(
		results,
		pilot.scan,
		pilot.mirror,
		params.chart,
		url.searchParams.get('neutraal') === 'apart' ? 'apart' : 'midden'
	);
	if (!chart) error(404, 'Deze grafiek bestaat niet.');

	const { body } = render(COMPONENTS[chart.kind], { props: { chart: chart as never, svgOnly: true } });
	// Svelte's hydration markers are comments; a file needs none of them.
	const markup = body.replace(/<!--[\s\S]*?-->/g, '').trim();
	const file = standaloneSvg(markup, {
		title: chart.title,
		legend: chart.legend,
		prefix: `${chart.id}-legend`,
		source: `Quickscan cliëntenparticipatie – ${pilot.municipality}, ${pilot.roundLabel}. Een foto voor het gesprek, geen onderzoek. Van groepen met minder dan ${results.minGroupSize} mensen tonen we niets.`
	});
	return new Response(file, {
		headers: {
			'Content-Type': 'image/svg+xml; charset=utf-8',
			'Content-Disposition': `attachment; filename="${chartFilename(pilot.municipality, pilot.roundLabel, fileSlug(chart))}.svg"`,
			// The file is a picture: nothing in it may run, even when opened on its own.
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
			'Cache-Control': 'no-store'
		}
	});
};
