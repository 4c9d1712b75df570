// Lists in running text, the way the interface language writes them ("A en B", "A and B").
import { intlTag } from '$lib/i18n';

/** "A en B" / "A, B en C" in Dutch; "A and B" / "A, B and C" in English. */
export function listAnd(items: string[]): string {
	return new Intl.ListFormat(intlTag(), { type: 'conjunction' }).format(items);
}
