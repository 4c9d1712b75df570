// The security headers of every answer: pages, endpoints, the hook's own early refusals, and the
// static files that adapter-node serves before SvelteKit runs (scripts/serve.js adds them there).
// Plain JavaScript so that scripts/serve.js can use the same list at run time.

/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	// Pages replace this with their own policy (kit.csp, with nonces); anything else runs nothing.
	'Content-Security-Policy':
		"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
};
