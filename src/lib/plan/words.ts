// The plan van aanpak in words of the moment's language: labels of statuses, priorities and
// owners, a month written out ("juni 2026"), and one action described for a page, a download or
// the printed report. The stored codes (gepland, hoog, samen, 2026-06) stay what they are.
import { formatDay } from '$lib/dates';
import { intlTag } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { isOverdue, latestProgress, type OwnerKind, type PlanAction, type PlanPriority, type PlanStatus } from './rules';

export const statusLabel = (status: PlanStatus): string =>
	({ gepland: m.pl_status_gepland, bezig: m.pl_status_bezig, uitgevoerd: m.pl_status_uitgevoerd, gestopt: m.pl_status_gestopt })[status]();

export const priorityLabel = (priority: PlanPriority): string =>
	({ hoog: m.pl_priority_hoog, middel: m.pl_priority_middel, laag: m.pl_priority_laag })[priority]();

export const ownerKindLabel = (kind: OwnerKind): string =>
	({ gemeente: m.pl_owner_gemeente, raad: m.pl_owner_raad, samen: m.pl_owner_samen, anders: m.pl_owner_anders })[kind]();

/** Who carries the action: the kind, or the name typed in for an owner of its own. */
export const ownerLabel = (kind: OwnerKind, name: string): string => (kind === 'anders' && name ? name : ownerKindLabel(kind));

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "juni 2026" (or "June 2026") for 2026-06. */
export function formatMonth(month: string): string {
	const tag = intlTag();
	let format = monthFormats.get(tag);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long', year: 'numeric' });
		monthFormats.set(tag, format);
	}
	return format.format(new Date(`${month}-15T12:00:00Z`));
}

/** The names of the twelve months, for the month picker: [{ value: '01', label: 'januari' }, …]. */
export function monthNames(): { value: string; label: string }[] {
	const format = new Intl.DateTimeFormat(intlTag(), { timeZone: 'UTC', month: 'long' });
	return Array.from({ length: 12 }, (_, i) => ({
		value: String(i + 1).padStart(2, '0'),
		label: format.format(new Date(Date.UTC(2026, i, 15)))
	}));
}

/** What the words of an action need from outside the plan: scan titles and the agenda's topics. */
export type PlanWords = {
	theme(id: string): string;
	item(id: string): string;
	/** The words of an agenda topic by its stored id, or null when it is not on the agenda. */
	topic(id: number): string | null;
};

/** One action as people read it: every code in words, the progress with its days written out. */
export type ActionView = {
	id: number;
	number: number;
	title: string;
	whyTopic: string | null;
	whyText: string;
	owner: string;
	dueMonth: string;
	month: string;
	status: PlanStatus;
	statusLabel: string;
	priority: PlanPriority;
	priorityLabel: string;
	overdue: boolean;
	successSign: string;
	themes: { id: string; title: string }[];
	items: { id: string; text: string }[];
	progress: { id: number; day: string; dayLabel: string; text: string }[];
	latest: { day: string; dayLabel: string; text: string } | null;
};

/** The plan's actions in words, numbered in the plan's order; `today` (YYYY-MM-DD) decides what is overdue. */
export function describePlan(actions: readonly PlanAction[], words: PlanWords, today: string): ActionView[] {
	return [...actions]
		.sort((a, b) => a.position - b.position)
		.map((a, i) => {
			const latest = latestProgress(a);
			return {
				id: a.id,
				number: i + 1,
				title: a.title,
				whyTopic: a.whyTopicId === null ? null : words.topic(a.whyTopicId),
				whyText: a.whyText,
				owner: ownerLabel(a.ownerKind, a.ownerName),
				dueMonth: a.dueMonth,
				month: formatMonth(a.dueMonth),
				status: a.status,
				statusLabel: statusLabel(a.status),
				priority: a.priority,
				priorityLabel: priorityLabel(a.priority),
				overdue: isOverdue(a, today),
				successSign: a.successSign,
				themes: a.links.filter((l) => l.kind === 'theme').map((l) => ({ id: l.ref, title: words.theme(l.ref) })),
				items: a.links.filter((l) => l.kind === 'item').map((l) => ({ id: l.ref, text: words.item(l.ref) })),
				progress: a.progress.map((p) => ({ ...p, dayLabel: formatDay(p.day) })),
				latest: latest ? { day: latest.day, dayLabel: formatDay(latest.day), text: latest.text } : null
			};
		});
}
