// The rules of a plan van aanpak that do not need a database: what an action holds, when it is
// overdue, the overview by status and month, and which themes and statements it may be linked to.
// Pages, downloads and the printed report all read them here.
import type { ScanDefinition } from '$lib/scan/schema';

export const STATUSES = ['gepland', 'bezig', 'uitgevoerd', 'gestopt'] as const;
export type PlanStatus = (typeof STATUSES)[number];
export const PRIORITIES = ['hoog', 'middel', 'laag'] as const;
export type PlanPriority = (typeof PRIORITIES)[number];
export const OWNER_KINDS = ['gemeente', 'raad', 'samen', 'anders'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Above this many actions the page says a plan gets hard to keep up (a hint, never a limit). */
export const GENTLE_LIMIT = 5;
/** The most actions one plan can hold, so a form cannot fill the database. */
export const MAX_ACTIONS = 50;
export const MAX_PROGRESS = 200;
export const MAX_TITLE = 200;
export const MAX_TEXT = 1000;
export const MAX_OWNER_NAME = 100;
export const MAX_PROGRESS_TEXT = 2000;

export type PlanLink = { kind: 'theme' | 'item'; ref: string };
export type PlanProgressEntry = { id: number; day: string; text: string };

/** One action as the plan module stores it; `links` and `progress` (oldest first) included. */
export type PlanAction = {
	id: number;
	position: number;
	title: string;
	whyTopicId: number | null;
	whyText: string;
	ownerKind: OwnerKind;
	ownerName: string;
	dueMonth: string;
	priority: PlanPriority;
	status: PlanStatus;
	successSign: string;
	links: PlanLink[];
	progress: PlanProgressEntry[];
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a text is a month as stored: YYYY-MM. */
export const isMonth = (value: string): boolean => MONTH.test(value);

/** The month of a YYYY-MM-DD day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Whether a text is a real calendar day as YYYY-MM-DD (no 31 April). */
export function isDay(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return date.toISOString().slice(0, 10) === value;
}

/** Done or stopped: nothing more is expected of it. */
export const isClosed = (status: PlanStatus): boolean => status === 'uitgevoerd' || status === 'gestopt';

/**
 * Overdue: its month has passed (before the month of `today`, YYYY-MM-DD) and it is neither done
 * nor stopped. An action due this month is not overdue yet.
 */
export function isOverdue(action: Pick<PlanAction, 'dueMonth' | 'status'>, today: string): boolean {
	return !isClosed(action.status) && action.dueMonth < monthOf(today);
}

/** The latest progress entry (by day, then by the order entered), if any. */
export function latestProgress(action: Pick<PlanAction, 'progress'>): PlanProgressEntry | null {
	let latest: PlanProgressEntry | null = null;
	for (const p of action.progress) if (!latest || p.day > latest.day || (p.day === latest.day && p.id > latest.id)) latest = p;
	return latest;
}

export type PlanOverview = {
	total: number;
	byStatus: Record<PlanStatus, number>;
	overdue: number;
	/** Per due month, earliest first; each month's actions in the plan's order. */
	months: { month: string; actions: { id: number; title: string; status: PlanStatus; overdue: boolean }[] }[];
};

/** Counts per status, the overdue ones, and the actions per due month. */
export function planOverview(actions: readonly PlanAction[], today: string): PlanOverview {
	const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
	const months = new Map<string, PlanOverview['months'][number]['actions']>();
	let overdue = 0;
	const ordered = [...actions].sort((a, b) => a.position - b.position);
	for (const action of ordered) {
		byStatus[action.status]++;
		const late = isOverdue(action, today);
		if (late) overdue++;
		const list = months.get(action.dueMonth) ?? [];
		list.push({ id: action.id, title: action.title, status: action.status, overdue: late });
		months.set(action.dueMonth, list);
	}
	return {
		total: actions.length,
		byStatus,
		overdue,
		months: [...months.keys()].sort().map((month) => ({ month, actions: months.get(month)! }))
	};
}

export type LinkTargets = { themes: { id: string; items: string[] }[] };

/**
 * What an action can be linked to: every theme of the pilot's scan snapshot and its scored
 * statements (likert and ladder) that the pilot's variant asks; open questions are not linked, as
 * a next round has no figure to compare on them.
 */
export function linkTargets(scan: ScanDefinition, variant: 'full' | 'short'): LinkTargets {
	return {
		themes: scan.themes.map((theme) => ({
			id: theme.id,
			items: theme.items.filter((i) => i.type !== 'open' && (variant === 'full' || i.short)).map((i) => i.id)
		}))
	};
}

/** Whether every link names a theme or statement of the targets. */
export function linksExist(links: readonly PlanLink[], targets: LinkTargets): boolean {
	const themes = new Set(targets.themes.map((t) => t.id));
	const items = new Set(targets.themes.flatMap((t) => t.items));
	return links.every((l) => (l.kind === 'theme' ? themes.has(l.ref) : items.has(l.ref)));
}
