// Upload of a CSV file with answers collected elsewhere (paper forms typed into a spreadsheet,
// another survey tool). csv-import checks the whole file and stores all of it or nothing.
import { fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { allQuestions, buildPages, DONT_KNOW, findRole, questionnaireOptions } from '$lib/scan/questionnaire';
import { IMPORT_COLUMNS, importResponses, MAX_IMPORT_BYTES } from '$lib/server/csv-import';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { formErrorStatus, parseForm } from '$lib/server/request';
import { scanForLocale } from '$lib/server/scans';
import { getLocale } from '$lib/i18n';
import { z } from '$lib/validation';
import type { Actions, PageServerLoad } from './$types';

/** Room for the multipart boundaries and headers around the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const maxMegabytes = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);
const tooBig = () => m.fac_import_too_big({ max: maxMegabytes });

const fileSchema = z.custom<File>((v) => v instanceof Blob && v.size > 0, { error: () => m.fac_import_choose_file() });

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	// A short example built from this pilot's own questions, so the codes in it really work.
	const role = pilot.roles[0];
	const questions = allQuestions(buildPages(pilot.scan, questionnaireOptions(pilot, role)));
	const pick = (kinds: string[]) => questions.find((q) => kinds.includes(q.kind))?.key;
	const likert = pick(['likert']);
	const mirror = pick(['mirror']);
	const ladderNow = pick(['ladder-now']);
	const ladderDesired = pick(['ladder-desired']);
	const open = pick(['open']);
	const example: string[][] = [[...IMPORT_COLUMNS]];
	const [first, second] = [1, 2].map((n) => `${m.fac_import_example_form()}-${n}`);
	if (likert) example.push([first, role, likert, '4']);
	if (mirror) example.push([first, role, mirror, '3']);
	if (ladderNow) example.push([first, role, ladderNow, '2']);
	if (ladderDesired) example.push([first, role, ladderDesired, '4']);
	if (open) example.push([first, role, open, `"${m.fac_import_example_open()}"`]);
	if (likert) example.push([second, pilot.roles[1] ?? role, likert, DONT_KNOW]);

	return {
		roles: pilot.roles.map((id) => ({ id, label: findRole(scanForLocale(pilot, getLocale()), id)?.label ?? id })),
		example: example.map((row) => row.join(',')).join('\n'),
		maxBytes: MAX_IMPORT_BYTES,
		maxMegabytes,
		exampleCode: first
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const request = event.request;

		// Refuse an oversized upload from its header, before the body is read into memory.
		const declared = Number(request.headers.get('content-length'));
		if (declared > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES) return fail(413, { fileName: '', errors: [tooBig()] });

		let form: FormData;
		try {
			form = await parseForm(request);
		} catch (e) {
			// The adapter's own body limit (BODY_SIZE_LIMIT, 512 kB unless set) surfaces here as a 413.
			if (formErrorStatus(e) === 413) return fail(413, { fileName: '', errors: [m.fac_import_too_big_server()] });
			return fail(400, { fileName: '', errors: [m.fac_import_unreadable()] });
		}
		const parsed = fileSchema.safeParse(form.get('file'));
		if (!parsed.success) return fail(400, { fileName: '', errors: [fieldErrors(parsed.error, 'file').file ?? m.fac_import_choose_file()] });
		const file = parsed.data;
		const fileName = file.name.slice(0, 200);
		if (file.size > MAX_IMPORT_BYTES) return fail(413, { fileName, errors: [tooBig()] });

		const result = await importResponses(db(), pilot, new Uint8Array(await file.arrayBuffer()), undefined, user.id);
		if (!result.ok) return fail(400, { fileName, errors: result.errors });
		audit(db(), user, 'import', { pilotId: pilot.id, detail: String(result.responses) });
		return { fileName, imported: { responses: result.responses, answers: result.answers } };
	}
};
