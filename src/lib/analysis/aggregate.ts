// Turns the submitted responses of one pilot into everything the results pages, exports and API
// show. Suppression happens here, once: a role with fewer than k respondents gets no figure at
// all, and no comparison, mirror or open answer involving it is computed.
import { countChange, type ChangeResult } from './change';
import { largeEnough, MIN_STATEMENT_SCORES } from './group-size';
import { buildPages, ladderKeys, mirrorKey, type Answer, type Variant } from '$lib/scan/questionnaire';
import type { AnalysisThresholds, LadderItem, LikertItem, ScanDefinition } from '$lib/scan/schema';
import {
	cliffsDelta,
	deltaLabel,
	emptyCounts,
	itemStats,
	mean,
	meanOfCounts,
	medianOf,
	type Counts,
	type DeltaLabel,
	type ItemStats
} from './stats';

/**
 * A role's figures on one statement (its distribution, and the mirror and ladder figures) show
 * only when at least this many people of that role gave a score there: below it, one person's
 * answer could be read from the figures by someone who knows the others'.
 */
export { MIN_STATEMENT_SCORES };

export type ResponseData = { role: string; answers: ReadonlyMap<string, Answer> };

export type RoleResult = { role: string; label: string; suppressed: boolean; respondents: number | null };

export type Comparison = { a: string; b: string; gap: number; delta: number; label: DeltaLabel };

export type MirrorResult = { role: string; target: string; predicted: number; actual: number; difference: number };

export type ItemResult = {
	id: string;
	number: number;
	text: string;
	/** Per role; null for a suppressed role. */
	byRole: Record<string, ItemStats | null>;
	/** Within-role disagreement: both agree and disagree at or above the threshold. */
	disagreement: Record<string, boolean | null>;
	/** Every pair of roles that both have figures on this statement, in role order. */
	comparisons: Comparison[];
	/** Roles shown overall whose figures on this statement are hidden: fewer than MIN_STATEMENT_SCORES scores. */
	thin: string[];
	mirrors: MirrorResult[];
};

export type LadderResult = {
	id: string;
	text: string;
	steps: string[];
	byRole: Record<
		string,
		{
			now: { counts: Counts; dontKnow: number; median: number | null };
			desired: { counts: Counts; dontKnow: number; median: number | null };
		} | null
	>;
};

export type ThemeResult = {
	id: string;
	title: string;
	scores: Record<string, number | null>;
	items: ItemResult[];
	ladders: LadderResult[];
	/** Open answers per role, shuffled; null for a suppressed role. */
	open: { id: string; text: string; byRole: Record<string, string[] | null> }[];
};

export type PilotResults = {
	minGroupSize: number;
	roles: RoleResult[];
	comparison: [string, string];
	thresholds: AnalysisThresholds;
	themes: ThemeResult[];
	/** A follow-up round's change question (absent for a first round, and in releases made before it existed). */
	change?: ChangeResult;
};

export type AnalysisInput = {
	scan: ScanDefinition;
	variant: Variant;
	mirror: boolean;
	roles: string[];
	minGroupSize: number;
	responses: readonly ResponseData[];
	/** Seed for the order of open answers: stable per pilot, never the order of submission. */
	shuffleSeed: number;
	/** MIN_STATEMENT_SCORES unless given; the hand-computed examples of tiny groups turn it off with 0. */
	minStatementScores?: number;
	/** A later round: count the answers to the change question too. */
	followUp?: boolean;
};

function distribution(responses: readonly ResponseData[], key: string): { counts: Counts; dontKnow: number } {
	const counts = emptyCounts();
	let dontKnow = 0;
	for (const r of responses) {
		const a = r.answers.get(key);
		if (a?.kind === 'score') counts[a.score - 1]++;
		else if (a?.kind === 'dontKnow') dontKnow++;
	}
	return { counts, dontKnow };
}

/** Deterministic Fisher–Yates with a small seeded generator (mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
	let a = seed >>> 0;
	const random = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

export function analysePilot(input: AnalysisInput): PilotResults {
	const { scan, minGroupSize } = input;
	const minScores = input.minStatementScores ?? MIN_STATEMENT_SCORES;
	const enough = (counts: Counts) => counts.reduce((a, b) => a + b, 0) >= minScores;
	const byRole = new Map<string, ResponseData[]>(input.roles.map((r) => [r, []]));
	for (const response of input.responses) byRole.get(response.role)?.push(response);
	const visible = (role: string) => largeEnough(byRole.get(role)?.length ?? 0, minGroupSize);
	const roles: RoleResult[] = input.roles.map((role) => ({
		role,
		label: scan.roles.find((r) => r.id === role)?.label ?? role,
		suppressed: !visible(role),
		respondents: visible(role) ? byRole.get(role)!.length : null
	}));
	const shown = input.roles.filter(visible);
	const thresholds = scan.analysis;
	// The items this pilot asked: the variant decides; mirror questions only when the pilot had them.
	const pages = buildPages(scan, { variant: input.variant, mirror: false, role: scan.comparison[0] });
	const asked = new Set(pages.flatMap((p) => p.questions.map((q) => q.item.id)));

	const themes: ThemeResult[] = [];
	let number = 0;
	for (const theme of scan.themes) {
		const likert = theme.items.filter((i): i is LikertItem => i.type === 'likert' && asked.has(i.id));
		const ladders = theme.items.filter((i): i is LadderItem => i.type === 'ladder' && asked.has(i.id));
		const open = theme.items.filter((i) => i.type === 'open' && asked.has(i.id));
		if (!likert.length && !ladders.length && !open.length) continue;

		const items: ItemResult[] = likert.map((item) => {
			number++;
			const stats: Record<string, ItemStats | null> = {};
			const disagreement: Record<string, boolean | null> = {};
			const thin: string[] = [];
			for (const role of input.roles) {
				const d = visible(role) ? distribution(byRole.get(role)!, item.id) : null;
				if (!d || !enough(d.counts)) {
					if (d) thin.push(role);
					stats[role] = null;
					disagreement[role] = null;
					continue;
				}
				const s = itemStats(d.counts, d.dontKnow, byRole.get(role)!.length);
				stats[role] = s;
				disagreement[role] = s.n > 0 ? s.agree! >= thresholds.disagreementShare && s.disagree! >= thresholds.disagreementShare : null;
			}
			const comparisons: Comparison[] = [];
			for (let i = 0; i < shown.length; i++)
				for (let j = i + 1; j < shown.length; j++) {
					const a = stats[shown[i]];
					const b = stats[shown[j]];
					if (!a || !b) continue;
					const delta = cliffsDelta(a.counts, b.counts);
					if (delta === null) continue;
					comparisons.push({ a: shown[i], b: shown[j], gap: a.mean! - b.mean!, delta, label: deltaLabel(delta) });
				}
			const mirrors: MirrorResult[] = [];
			if (input.mirror && item.mirror) {
				for (const role of shown) {
					const target = scan.roles.find((r) => r.id === role)?.mirrorTarget;
					if (!target || !visible(target) || !input.roles.includes(target)) continue;
					const predictions = distribution(byRole.get(role)!, mirrorKey(item.id)).counts;
					const actual = stats[target]?.mean ?? null;
					const predicted = enough(predictions) ? meanOfCounts(predictions) : null;
					if (predicted === null || actual === null) continue;
					mirrors.push({ role, target, predicted, actual, difference: predicted - actual });
				}
			}
			return { id: item.id, number, text: item.text, byRole: stats, disagreement, comparisons, mirrors, thin };
		});

		const scores: Record<string, number | null> = {};
		for (const role of input.roles) {
			// Over the statements this role has figures on: a hidden cell is no part of any sum.
			scores[role] = visible(role) ? mean(items.map((i) => i.byRole[role]?.mean ?? null).filter((m): m is number => m !== null)) : null;
		}

		themes.push({
			id: theme.id,
			title: theme.title,
			scores,
			items,
			ladders: ladders.map((item) => {
				const keys = ladderKeys(item.id);
				const result: LadderResult['byRole'] = {};
				for (const role of input.roles) {
					if (!visible(role)) {
						result[role] = null;
						continue;
					}
					const now = distribution(byRole.get(role)!, keys.now);
					const desired = distribution(byRole.get(role)!, keys.desired);
					result[role] =
						enough(now.counts) && enough(desired.counts)
							? { now: { ...now, median: medianOf(now.counts) }, desired: { ...desired, median: medianOf(desired.counts) } }
							: null;
				}
				return { id: item.id, text: item.text, steps: item.steps, byRole: result };
			}),
			open: open.map((item, index) => {
				const result: Record<string, string[] | null> = {};
				for (const role of input.roles) {
					if (!visible(role)) {
						result[role] = null;
						continue;
					}
					const texts = byRole
						.get(role)!
						.map((r) => r.answers.get(item.id))
						.filter((a): a is Extract<Answer, { kind: 'text' }> => a?.kind === 'text')
						.map((a) => a.text);
					// Sorted first, so the order depends on the texts alone and never reveals who answered when.
					result[role] = shuffled(texts.sort(), input.shuffleSeed + themes.length * 31 + index);
				}
				return { id: item.id, text: item.text, byRole: result };
			})
		});
	}
	const change = input.followUp ? { change: countChange(input.roles, byRole, visible, minScores) } : {};
	return { minGroupSize, roles, comparison: scan.comparison, thresholds, themes, ...change };
}
