// The one rule for a page's <title>: the page's own name, then the product; a form that came back
// with errors puts "Fout:" first, so a screen reader user hears at once that something is wrong.
import { m } from '$lib/paraglide/messages';
import { hasErrors } from './field-errors';

export function pageTitle(title: string, errors?: Record<string, string | undefined> | null): string {
	return `${hasErrors(errors) ? `${m.error_prefix()} ` : ''}${title} – ${m.title_suffix()}`;
}
