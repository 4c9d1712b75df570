// Where to go after logging in: only a path on this site. Browsers read `\` as `/`, drop tabs and
// newlines from URLs and treat `//host` as another site, so the check resolves the path against a
// stand-in origin and accepts it only if it stays there, after refusing those characters outright.
const HOME = 'http://quickscan.invalid';

export function safeReturnPath(value: string | null | undefined, fallback = '/pilots'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//')) return fallback;
	// eslint-disable-next-line no-control-regex -- a control character in a path is refused
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, HOME);
	} catch {
		return fallback;
	}
	if (url.origin !== HOME || url.username || url.password) return fallback;
	// Re-serialised: what goes into the Location header is the parsed path, not the raw text. Dot
	// segments can make a path that starts with `//` again (`/..//host`): refuse that too.
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('//') ? fallback : path;
}
