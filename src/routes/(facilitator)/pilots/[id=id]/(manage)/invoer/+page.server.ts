// Typing in a questionnaire that came back on paper: the same questions, stored as source "paper".
import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { allQuestions, buildPages, questionnaireOptions } from '$lib/scan/questionnaire';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import { parseAnswers } from '$lib/scan/answers';
import { scanForLocale } from '$lib/server/scans';
import { insertCompletedResponse } from '$lib/server/responses';
import type { Answer } from '$lib/scan/questionnaire';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;
	// Shown in the reader's language; the answers are stored by question key, whatever the language.
	const scan = scanForLocale(pilot, getLocale());
	const roles = pilot.roles.map((id) => scan.roles.find((r) => r.id === id)!);
	const role = roles.find((r) => r.id === url.searchParams.get('rol')) ?? null;
	return {
		roles: roles.map((r) => ({ id: r.id, label: r.label })),
		role: role && { id: role.id, label: role.label },
		pages: role ? buildPages(scan, questionnaireOptions(pilot, role.id)) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const role = String(form.get('rol') ?? '');
		if (!pilot.roles.includes(role)) return fail(400, { message: m.fac_entry_choose_role(), values: {}, errors: {} });
		const questions = allQuestions(buildPages(pilot.scan, questionnaireOptions(pilot, role)));
		const raw: Record<string, string> = {};
		for (const q of questions) {
			const v = form.get(q.key);
			if (typeof v === 'string') raw[q.key] = v;
		}
		const parsed = parseAnswers(questions, raw);
		if (!parsed.ok) return fail(400, { message: m.fac_entry_fix(), values: raw, errors: parsed.errors });
		const answers = parsed.entries.filter((e): e is [string, Answer] => e[1] !== null);
		if (answers.length === 0) return fail(400, { message: m.fac_entry_empty(), values: raw, errors: {} });
		insertCompletedResponse(db(), { pilotId: pilot.id, role, source: 'paper', answers, enteredBy: user.id });
		audit(db(), user, 'paper-entry', { pilotId: pilot.id, detail: role });
		return { saved: answers.length };
	}
};
