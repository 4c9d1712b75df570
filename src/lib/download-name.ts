// The one way downloaded files are named: quickscan-<municipality>-<round>-<what>[.ext], in ASCII
// only (every system accepts it, and a Content-Disposition header needs no encoding), so the files
// of one pilot sort together in a downloads folder and say what they hold.

type Named = { municipality: string; roundLabel: string };

/** Lower case, accents dropped, anything else between words a single hyphen. */
const slug = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** `what` names the file's content (`uitkomsten`, `links`, a chart's slug); `extension` without the dot. */
export function downloadName(pilot: Named, what: string, extension?: string): string {
	const base = ['quickscan', slug(pilot.municipality), slug(pilot.roundLabel), slug(what)].filter(Boolean).join('-').slice(0, 120);
	return extension ? `${base}.${extension}` : base;
}

/** The same for a file named by its kind with its extension (`uitkomsten.xlsx`). */
export function downloadNameOf(pilot: Named, kind: string): string {
	const dot = kind.lastIndexOf('.');
	return dot > 0 ? downloadName(pilot, kind.slice(0, dot), kind.slice(dot + 1)) : downloadName(pilot, kind);
}
