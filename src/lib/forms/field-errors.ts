// From a failed zod parse to what a form shows: one message per field (the first one found), and
// the ordered list an error summary links from. Plain types, so pages and components can use it.

/** One message per field; a message about the form as a whole goes under `form` (or the root given). */
export type FieldErrors<F extends string = string> = Partial<Record<F, string>>;

/** The shape of a zod error that this needs: its issues, each with a path and a message. */
type IssueList = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

/**
 * The first message per top-level field of a failed parse. An issue without a field (a schema of
 * one value, or a rule about the whole object) is filed under `root`.
 */
export function fieldErrors<F extends string = string>(error: IssueList, root: F | 'form' = 'form'): FieldErrors<F | 'form'> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = typeof issue.path[0] === 'string' ? issue.path[0] : root;
		errors[field] ??= issue.message;
	}
	return errors as FieldErrors<F | 'form'>;
}

/** Whether there is any message at all. */
export function hasErrors(errors: Record<string, string | undefined> | undefined | null): boolean {
	return !!errors && Object.values(errors).some(Boolean);
}

export type SummaryItem = { href?: string; message: string };

/**
 * The error summary's list in the order of the form: each field with a message, linked to the
 * element that `targets` names for it (a field's own id, or the first option of a group).
 */
export function summaryItems<F extends string>(errors: FieldErrors<F>, targets: Partial<Record<F, string>>): SummaryItem[] {
	return (Object.keys(targets) as F[])
		.filter((field) => errors[field])
		.map((field) => ({ href: `#${targets[field]}`, message: errors[field]! }));
}
