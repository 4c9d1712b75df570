// A pilot's benchmark: per role, each theme score from its latest release against the published
// snapshot of the other consenting, closed pilots on the same scan version. What may show is
// decided in $lib/benchmark/rules; other pilots are never named, and nothing finer than one
// decimal or a band of pilot counts reaches the page (nor its __data.json).
import { benchmarkChart } from '$lib/charts/benchmark-data';
import { councilTypeLabels } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { pilotBenchmark } from '$lib/server/benchmark';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requirePilot, requireRelease } from '$lib/server/guard';
import { scanForLocale } from '$lib/server/scans';
import type { PageServerLoad } from './$types';

// Plain HTML: the charts are server-drawn SVG, the tables sit in <details>.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const release = requireRelease(pilot);
	const scan = scanForLocale(pilot);
	const benchmark = pilotBenchmark(db(), pilot, release, config.benchmarkMinPilots);
	const roleLabel = (id: string) => scan.roles.find((r) => r.id === id)?.label ?? id;
	const themeLabel = (id: string) => scan.themes.find((t) => t.id === id)?.title ?? id;
	const groupings = benchmark.groupings.map((g) => {
		const label =
			g.grouping.kind === 'all' ? m.bm_grouping_all() : m.bm_grouping_council({ type: councilTypeLabels()[g.grouping.councilType] });
		return {
			id: g.grouping.kind,
			label,
			anyShown: g.roles.some((r) => r.cells.some((c) => c.shown)),
			roles: g.roles.map((r, index) => ({
				role: r.role,
				label: roleLabel(r.role),
				ownTooSmall: r.ownTooSmall,
				chart: benchmarkChart({
					id: `vergelijking-${g.grouping.kind}-${r.role}`,
					grouping: label,
					role: roleLabel(r.role),
					styleIndex: pilot.roles.indexOf(r.role) >= 0 ? pilot.roles.indexOf(r.role) : index,
					cells: r.cells.map((c) => ({ ...c, label: themeLabel(c.theme) }))
				})
			}))
		};
	});
	return {
		minPilots: config.benchmarkMinPilots,
		snapshot: benchmark.snapshot,
		release: { number: release.number },
		groupings
	};
};
