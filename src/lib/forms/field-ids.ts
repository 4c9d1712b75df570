// The ids that tie a field to its description and its error message (aria-describedby), by one naming rule.

/** The ids of a field's description and error, joined, or undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
	const present = ids.filter(Boolean);
	return present.length ? present.join(' ') : undefined;
}

/** A description's id and an error's id, by the naming the whole app uses. */
export const descriptionId = (id: string) => `${id}-uitleg`;
export const errorId = (id: string) => `${id}-fout`;
