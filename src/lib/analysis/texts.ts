// What the figures are about, in the words of the pilot's scan: role names, theme titles,
// statements, ladder steps and open questions, looked up by their stable ids. A release stores the
// words of the moment it was made, in one language; pages, charts and exports read them here, from
// the scan they are given (the request's language), and fall back to the stored words only for an
// id the scan does not know.
import type { PilotResults } from './aggregate';
import type { ScanDefinition } from '$lib/scan/schema';

export type ResultTexts = {
	role(id: string): string;
	theme(id: string): string;
	/** A statement, ladder or open question. */
	item(id: string): string;
	/** The five steps of a ladder. */
	steps(id: string): string[];
	/** The conversation questions a theme of the scan adds to an agenda topic about it. */
	questions(themeId: string): string[];
};

export function resultTexts(scan: ScanDefinition, results?: PilotResults): ResultTexts {
	const roles = new Map<string, string>();
	const themes = new Map<string, string>();
	const items = new Map<string, string>();
	const steps = new Map<string, string[]>();
	for (const r of results?.roles ?? []) roles.set(r.role, r.label);
	for (const t of results?.themes ?? []) {
		themes.set(t.id, t.title);
		for (const i of [...t.items, ...t.ladders, ...t.open]) items.set(i.id, i.text);
		for (const l of t.ladders) steps.set(l.id, l.steps);
	}
	for (const r of scan.roles) roles.set(r.id, r.label);
	const questions = new Map<string, string[]>();
	for (const t of scan.themes) {
		themes.set(t.id, t.title);
		if (t.questions) questions.set(t.id, t.questions);
		for (const i of t.items) {
			items.set(i.id, i.text);
			if (i.type === 'ladder') steps.set(i.id, i.steps);
		}
	}
	return {
		role: (id) => roles.get(id) ?? id,
		theme: (id) => themes.get(id) ?? id,
		item: (id) => items.get(id) ?? id,
		steps: (id) => steps.get(id) ?? [],
		questions: (id) => questions.get(id) ?? []
	};
}
