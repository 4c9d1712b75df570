// The programme overview for admins: every pilot on one scan version with status and response, and
// one role's released theme scores as a heatmap. Admins may see pilot names here; the scores are
// still only released ones, and a role below its pilot's k has none (the release holds none).
import { heatColour } from '$lib/charts/shapes';
import { statusLabels } from '$lib/labels';
import { requireAdmin } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { programmePage, programmeScans, PROGRAMME_PAGE_SIZE } from '$lib/server/programme';
import { scanForLocale } from '$lib/server/scans';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const params = event.url.searchParams;
	const scans = programmeScans(db());
	const chosen = scans.find((s) => s.scanKey === params.get('scan')) ?? scans[0];
	if (!chosen) return { empty: true as const };
	const page = programmePage(db(), chosen, Number(params.get('pagina')) || 1);
	const scan = scanForLocale(page.scan);
	const roles = scan.roles.map((r) => ({ id: r.id, label: r.label }));
	const role = roles.find((r) => r.id === params.get('rol')) ?? roles[0];
	const statuses = statusLabels();
	return {
		empty: false as const,
		scans: scans.map((s) => ({ key: s.scanKey, label: s.scanKey, pilots: s.pilots })),
		scanKey: chosen.scanKey,
		roles,
		role,
		themes: scan.themes.map((t) => ({ id: t.id, title: t.title })),
		page: page.page,
		pages: page.pages,
		from: (page.page - 1) * PROGRAMME_PAGE_SIZE + 1,
		to: (page.page - 1) * PROGRAMME_PAGE_SIZE + page.rows.length,
		total: page.total,
		rows: page.rows.map((r) => ({
			id: r.id,
			name: `${r.municipality} – ${r.roundLabel}`,
			status: statuses[r.status],
			consent: r.benchmarkConsent,
			submitted: roles.map((x) => `${x.label} ${r.submitted[x.id] ?? 0}`).join(', '),
			cells: scan.themes.map((t) => {
				const v = r.scores?.[role.id]?.[t.id] ?? null;
				return { theme: t.id, value: v, colour: v === null ? null : heatColour('gemiddelde', v) };
			})
		}))
	};
};
