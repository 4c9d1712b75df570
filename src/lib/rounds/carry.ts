// What the earlier round's plan van aanpak brings into a follow-up round: which actions are still
// open, the links they keep, and for each action its linked statements' figures then and now
// ("heeft het iets opgeleverd?"), read from the round comparison so the same rules hold.
import type { PlanAction, PlanLink, PlanStatus } from '$lib/plan/rules';
import type { NotComparable, RoleChange, RoundComparison } from './compare';

/** Done or stopped actions stay behind; planned and running ones may be carried. */
const OPEN: readonly PlanStatus[] = ['gepland', 'bezig'];
export const isOpen = (action: Pick<PlanAction, 'status'>) => OPEN.includes(action.status);

/** An action's links as this round names them: a statement that changed id follows its mark; no doubles. */
export function carriedLinks(links: readonly PlanLink[], renamed: ReadonlyMap<string, string>): PlanLink[] {
	const out = new Map<string, PlanLink>();
	for (const link of links) {
		const ref = link.kind === 'item' ? (renamed.get(link.ref) ?? link.ref) : link.ref;
		out.set(`${link.kind}\n${ref}`, { kind: link.kind, ref });
	}
	return [...out.values()];
}

export type LinkedFigure =
	| { kind: 'item' | 'theme'; ref: string; state: 'compared'; byRole: Record<string, RoleChange> }
	| { kind: 'item' | 'theme'; ref: string; state: 'not-comparable'; reason: NotComparable['reason'] | 'no-figure' };

export type ActionEffect = { action: PlanAction; open: boolean; figures: LinkedFigure[] };

/**
 * Per earlier action, its linked statements and themes with each role's figure then and now. A
 * link is read by the earlier statement id; `ref` of a compared statement is its id now.
 */
export function actionEffects(actions: readonly PlanAction[], comparison: RoundComparison): ActionEffect[] {
	const byPrevious = new Map(comparison.statements.map((s) => [s.previousId, s]));
	const themes = new Map(comparison.themes.map((t) => [t.id, t]));
	const reasons = new Map(comparison.notComparable.map((n) => [n.id, n.reason]));
	return actions.map((action) => ({
		action,
		open: isOpen(action),
		figures: action.links
			.filter((l) => l.kind === 'item')
			.map((l): LinkedFigure => {
				const s = byPrevious.get(l.ref);
				if (s) return { kind: 'item', ref: s.id, state: 'compared', byRole: s.byRole };
				return { kind: 'item', ref: l.ref, state: 'not-comparable', reason: reasons.get(l.ref) ?? 'no-figure' };
			})
			.concat(
				action.links
					.filter((l) => l.kind === 'theme')
					.map((l): LinkedFigure => {
						const t = themes.get(l.ref);
						return t
							? { kind: 'theme', ref: l.ref, state: 'compared', byRole: t.byRole }
							: { kind: 'theme', ref: l.ref, state: 'not-comparable', reason: 'no-figure' };
					})
			)
	}));
}

/** Statements (ids now) that an action of the earlier plan names, with the titles of those actions. */
export function actionLinkedStatements(actions: readonly PlanAction[], comparison: RoundComparison): Map<string, string[]> {
	const linked = new Map<string, string[]>();
	const add = (id: string, title: string) => linked.set(id, [...(linked.get(id) ?? []), title]);
	const byPrevious = new Map(comparison.statements.map((s) => [s.previousId, s]));
	for (const action of actions)
		for (const link of action.links) {
			if (link.kind === 'item') {
				const s = byPrevious.get(link.ref);
				if (s) add(s.id, action.title);
			}
		}
	return linked;
}
