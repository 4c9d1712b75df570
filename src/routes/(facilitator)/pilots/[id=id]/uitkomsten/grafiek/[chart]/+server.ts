// GET …/uitkomsten/grafiek/<chart>: one results chart as an SVG file to download. The chart comes
// from the registry by its slug and is drawn by $lib/charts/svg-file; this route only answers HTTP.
import { error } from '@sveltejs/kit';
import { chartSource, fileSlug } from '$lib/charts/chart-data';
import { downloadName } from '$lib/download-name';
import { chartBySlug } from '$lib/charts/registry';
import { chartFileSource, chartSvgFile } from '$lib/charts/svg-file';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { latestRelease } from '$lib/server/releases';
import type { RequestHandler } from './$types';
import { scanForLocale } from '$lib/server/scans';

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'view');
	const { params, url } = event;
	if (!/^[a-z0-9-]{1,100}$/.test(params.chart)) error(404, m.res_chart_not_found());
	const release = latestRelease(db(), pilot.id);
	if (!release) error(404, m.res_not_released());
	const neutral = url.searchParams.get('neutraal') === 'apart' ? 'apart' : 'midden';
	const chart = chartBySlug(chartSource(release.results, { ...pilot, scan: scanForLocale(pilot) }), params.chart, { neutral });
	if (!chart) error(404, m.res_chart_not_found());

	const file = chartSvgFile(chart, chartFileSource(pilot, release.results.minGroupSize));
	return new Response(file, {
		headers: {
			'Content-Type': 'image/svg+xml; charset=utf-8',
			'Content-Disposition': `attachment; filename="${downloadName(pilot, fileSlug(chart), 'svg')}"`,
			// The file is a picture: nothing in it may run, even when opened on its own.
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
			'Cache-Control': 'no-store'
		}
	});
};
