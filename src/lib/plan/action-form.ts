// The form of a plan action, for adding and editing alike: its fields as posted (Dutch names, as
// the pages send them), the checks with their messages, and the way back from a stored action to
// the form's values. The database checks (links in the snapshot, the agenda topic) come after.
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { z } from '$lib/validation';
import { isMonth, MAX_OWNER_NAME, MAX_TEXT, MAX_TITLE, OWNER_KINDS, PRIORITIES, STATUSES, type PlanAction, type PlanLink } from './rules';

/** The posted values; `thema` and `stelling` are the ticked boxes (a field may be sent several times). */
export type ActionFormValues = {
	titel: string;
	onderwerp: string;
	waarom: string;
	eigenaar: string;
	eigenaarnaam: string;
	maand: string;
	jaar: string;
	prioriteit: string;
	status: string;
	teken: string;
	thema: string[];
	stelling: string[];
};

export const MULTIPLE_FIELDS = ['thema', 'stelling'] as const;
/** More ticked boxes than any scan has statements is not a form a person sent. */
const MAX_LINKS = 300;

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.pl_text_too_long({ max }) });
const ref = z.string().max(100);

const schema = z.object({
	titel: z
		.string()
		.trim()
		.min(1, { error: () => m.pl_title_required() })
		.max(MAX_TITLE, { error: () => m.pl_text_too_long({ max: MAX_TITLE }) }),
	onderwerp: z.string().trim().max(200).default(''),
	waarom: text(MAX_TEXT).default(''),
	eigenaar: z.enum(OWNER_KINDS, { error: () => m.pl_owner_required() }),
	eigenaarnaam: z
		.string()
		.trim()
		.max(MAX_OWNER_NAME, { error: () => m.pl_text_too_long({ max: MAX_OWNER_NAME }) })
		// A name of a body or person is enough: the plan keeps no contact details.
		.refine((v) => !v.includes('@'), { error: () => m.pl_owner_name_no_email() })
		.default(''),
	maand: z.string().regex(/^(0[1-9]|1[0-2])$/, { error: () => m.pl_month_required() }),
	jaar: z.string().regex(/^20\d\d$/, { error: () => m.pl_month_required() }),
	prioriteit: z.enum(PRIORITIES, { error: () => m.pl_priority_required() }),
	status: z.enum(STATUSES, { error: () => m.pl_status_required() }).optional(),
	teken: text(MAX_TEXT).default(''),
	thema: z.array(ref).max(MAX_LINKS).default([]),
	stelling: z.array(ref).max(MAX_LINKS).default([])
});

export type ActionForm = z.infer<typeof schema>;

/**
 * Checks a posted action form: every field, and the rules between fields (a reason, a name for an
 * owner of its own), all at once so people see every message in one go. `needsStatus`: the edit
 * form sends a status, the add form does not (a new action is gepland).
 */
export function checkActionForm(form: FormData, needsStatus: boolean): { data: ActionForm } | { errors: Record<string, string> } {
	const parsed = schema.safeParse(formObject(form));
	const errors: Record<string, string> = parsed.success ? {} : (fieldErrors(parsed.error) as Record<string, string>);
	const values = postedValues(form);
	const owner = values.eigenaar === 'anders' && !values.eigenaarnaam.trim();
	if (owner) errors.eigenaarnaam ??= m.pl_owner_name_required();
	if (!values.onderwerp.trim() && !values.waarom.trim()) errors.waarom ??= m.pl_why_required();
	if (needsStatus && !values.status) errors.status ??= m.pl_status_required();
	return parsed.success && Object.keys(errors).length === 0 ? { data: parsed.data } : { errors };
}

/** The due month of a checked form. */
export function dueMonth(form: Pick<ActionForm, 'maand' | 'jaar'>): string {
	const month = `${form.jaar}-${form.maand}`;
	if (!isMonth(month)) throw new Error(`not a month: ${month}`);
	return month;
}

export function formLinks(form: Pick<ActionForm, 'thema' | 'stelling'>): PlanLink[] {
	return [...form.thema.map((ref) => ({ kind: 'theme' as const, ref })), ...form.stelling.map((ref) => ({ kind: 'item' as const, ref }))];
}

/** A stored action as the edit form's values. */
export function actionFormValues(action: PlanAction): ActionFormValues {
	return {
		titel: action.title,
		onderwerp: action.whyTopicId === null ? '' : String(action.whyTopicId),
		waarom: action.whyText,
		eigenaar: action.ownerKind,
		eigenaarnaam: action.ownerName,
		maand: action.dueMonth.slice(5, 7),
		jaar: action.dueMonth.slice(0, 4),
		prioriteit: action.priority,
		status: action.status,
		teken: action.successSign,
		thema: action.links.filter((l) => l.kind === 'theme').map((l) => l.ref),
		stelling: action.links.filter((l) => l.kind === 'item').map((l) => l.ref)
	};
}

/** The values of a posted form as they came, to show again beside its messages. */
export function postedValues(form: FormData): ActionFormValues {
	const one = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.slice(0, 5000) : '';
	};
	const many = (name: string) =>
		form
			.getAll(name)
			.filter((v): v is string => typeof v === 'string')
			.slice(0, MAX_LINKS);
	return {
		titel: one('titel'),
		onderwerp: one('onderwerp'),
		waarom: one('waarom'),
		eigenaar: one('eigenaar'),
		eigenaarnaam: one('eigenaarnaam'),
		maand: one('maand'),
		jaar: one('jaar'),
		prioriteit: one('prioriteit'),
		status: one('status'),
		teken: one('teken'),
		thema: many('thema'),
		stelling: many('stelling')
	};
}

/** The form as the schema reads it: single fields as text (absent ones left out), the boxes as lists. */
export function formObject(form: FormData): Record<string, unknown> {
	const object: Record<string, unknown> = {};
	for (const [key, value] of form.entries()) {
		if ((MULTIPLE_FIELDS as readonly string[]).includes(key)) continue;
		object[key] = value;
	}
	for (const key of MULTIPLE_FIELDS) object[key] = form.getAll(key);
	return object;
}
