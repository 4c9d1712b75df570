// What the rounds page shows, in the request's language: per role the change per theme and per
// statement (as charts), the statements the scan marks comparable and those that are not, the
// earlier plan's actions with their statements then and now, and the change question's counts.
// The figures and every rule about them come from $lib/rounds; this module names and orders them.
import { resultTexts, type ResultTexts } from '$lib/analysis/texts';
import { roundChangeChart, type RoundChangeSpec } from '$lib/charts/round-change';
import { seriesStyle } from '$lib/charts/series';
import { m } from '$lib/paraglide/messages';
import { statusLabel } from '$lib/plan/words';
import { actionEffects, actionLinkedStatements } from '$lib/rounds/carry';
import { compareRounds, type NotComparableReason, type RoleChange, type RoleGap } from '$lib/rounds/compare';
import type { ChangeCounts } from '$lib/analysis/change';
import type { Db } from './db';
import { loadPlan } from './plan';
import type { PilotWithScan } from './pilots';
import type { Release } from './releases';
import { scanForLocale } from './scans';

const gapText = (reason: RoleGap) =>
	({
		'hidden-before': m.rd_gap_hidden_before(),
		'hidden-after': m.rd_gap_hidden_after(),
		'missing-before': m.rd_gap_missing_before(),
		'missing-after': m.rd_gap_missing_after()
	})[reason];

const reasonText = (reason: NotComparableReason | 'no-figure') =>
	({
		reworded: m.rd_reason_reworded(),
		new: m.rd_reason_new(),
		dropped: m.rd_reason_dropped(),
		'not-asked': m.rd_reason_not_asked(),
		'no-figure': m.rd_reason_no_figure()
	})[reason];

type Figure = { role: string } & RoleChange;

export type RoundView = ReturnType<typeof roundView>;

/** The rounds page of `pilot`, whose earlier round `previous` the caller may see too. */
export function roundView(db: Db, pilot: PilotWithScan, previous: PilotWithScan, before: Release, after: Release) {
	const comparison = compareRounds({ results: before.results, scan: previous.scan }, { results: after.results, scan: pilot.scan });
	const now: ResultTexts = resultTexts(scanForLocale(pilot), after.results);
	const then: ResultTexts = resultTexts(scanForLocale(previous), before.results);
	const numbers = new Map(after.results.themes.flatMap((t) => t.items.map((i) => [i.id, i.number] as const)));
	const statementLabel = (id: string) => `${numbers.get(id) ?? ''}. ${now.item(id)}`;
	const rounds: [string, string] = [previous.roundLabel, pilot.roundLabel];
	const source = m.rd_source({
		municipality: pilot.municipality,
		before: previous.roundLabel,
		beforeRelease: before.number,
		after: pilot.roundLabel,
		afterRelease: after.number
	});
	const plan = loadPlan(db, previous.id);
	const linked = actionLinkedStatements(plan, comparison);
	const roleIndex = (role: string) =>
		Math.max(
			0,
			after.results.roles.findIndex((r) => r.role === role)
		);

	const perRole = comparison.roles.map((role) => {
		const label = now.role(role);
		const chart = (kind: 'themes' | 'statements', rows: RoundChangeSpec['rows']) =>
			roundChangeChart({ id: `ronde-${role}-${kind}`, kind, role: label, rounds, style: seriesStyle(roleIndex(role)), rows, source });
		return {
			role,
			label,
			themes: chart(
				'themes',
				comparison.themes.map((t) => ({ id: t.id, label: now.theme(t.id), actions: [], ...t.byRole[role] }))
			),
			statements: chart(
				'statements',
				comparison.statements.map((s) => ({ id: s.id, label: statementLabel(s.id), actions: linked.get(s.id) ?? [], ...s.byRole[role] }))
			)
		};
	});

	const effects = actionEffects(plan, comparison).map((e) => ({
		id: e.action.id,
		title: e.action.title,
		status: statusLabel(e.action.status),
		open: e.open,
		figures: e.figures.map((f) => ({
			kind: f.kind,
			text: f.kind === 'theme' ? now.theme(f.ref) : f.state === 'compared' ? statementLabel(f.ref) : then.item(f.ref),
			rows:
				f.state === 'compared'
					? comparison.roles.map((role): Figure & { label: string } => ({ role, label: now.role(role), ...f.byRole[role] }))
					: null,
			reason: f.state === 'not-comparable' ? reasonText(f.reason) : null
		}))
	}));

	const counts = after.results.change;
	const change = counts
		? after.results.roles.map((r) => ({
				role: r.role,
				label: now.role(r.role),
				counts: (counts.byRole[r.role] ?? null) as ChangeCounts | null
			}))
		: null;

	return {
		rounds: {
			before: { label: previous.roundLabel, release: before.number, date: before.createdAt.slice(0, 10), pilotId: previous.id },
			after: { label: pilot.roundLabel, release: after.number, date: after.createdAt.slice(0, 10) }
		},
		minGroupSize: after.results.minGroupSize,
		gaps: comparison.gaps.map((g) => ({ role: g.role, label: now.role(g.role), reason: gapText(g.reason) })),
		perRole,
		marked: comparison.statements
			.filter((s) => s.basis === 'marked')
			.map((s) => ({ id: s.id, now: statementLabel(s.id), then: then.item(s.previousId) })),
		notComparable: comparison.notComparable.map((n) => ({
			id: `${n.round}-${n.id}`,
			text: n.round === 'after' ? now.item(n.id) : then.item(n.id),
			theme: n.round === 'after' ? now.theme(n.themeId) : then.theme(n.themeId),
			reason: reasonText(n.reason)
		})),
		effects,
		change
	};
}
