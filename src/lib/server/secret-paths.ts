// Paths whose URL is itself a secret: respondent links (/s/<token>), the short links of letters
// (/c/<code>), password reset links (/wachtwoord/<token>) and the code of an open vote
// (/stem/<code>: it lets anyone vote while the vote is open). Recognised however they are typed or
// encoded (/S/, %73, //s/, \s\), so no such path escapes the log redaction, the no-referrer policy
// or the unknown-link limit.
const SECRET_ROOT = /^\/(s|c|wachtwoord|stem)(?:\/|$)/;
// What may follow the token in a log line: page names and numbers, nothing as long as a token.
const SAFE_REST = /^(?:\/(?:\d{1,4}|[a-z_]{1,12}(?:\.json)?)?)*$/;

// Every request asks up to three times about its own path (the hooks' link check, the origin
// check, the log line): the last answer is kept, so the path is normalised once per request.
let lastPathname: string | undefined;
let lastNormalised = '';

/** Decoded (at most three times), lower case, with backslashes as slashes and no doubled slashes. */
function normalise(pathname: string): string {
	if (pathname === lastPathname) return lastNormalised;
	lastNormalised = decodeAndFold(pathname);
	lastPathname = pathname;
	return lastNormalised;
}

function decodeAndFold(pathname: string): string {
	let path = pathname;
	for (let i = 0; i < 3; i++) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(path);
		} catch {
			break;
		}
		if (decoded === path) break;
		path = decoded;
	}
	return path
		.toLowerCase()
		.replaceAll('\\', '/')
		.replace(/\/{2,}/g, '/');
}

export function hasSecretInUrl(pathname: string): boolean {
	return SECRET_ROOT.test(normalise(pathname));
}

/** The path for a log line: the token replaced by "…", and anything odd after it dropped. */
export function redactPath(pathname: string): string {
	const path = normalise(pathname);
	const root = path.match(SECRET_ROOT);
	if (!root) return pathname;
	const afterToken = path.slice(root[0].length).replace(/^[^/]*/, '');
	return `/${root[1]}/…${SAFE_REST.test(afterToken) ? afterToken : '/…'}`;
}
