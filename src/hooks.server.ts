// Runs around every request: start-up once, the request's language, the facilitator's session,
// security headers, and a log line per request that holds no IP address and no respondent token.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { log } from '$lib/server/log';
import { originAllowed } from '$lib/server/csrf';
import { hasSecretInUrl, redactPath } from '$lib/server/secret-paths';
import { SECURITY_HEADERS } from '$lib/server/security-headers';
import { safeClientAddress, unknownLinkLimiter } from '$lib/server/rate-limit';
import { startUp } from '$lib/server/startup';
import { autosaveHandler, AUTOSAVE_HANDLER } from '$lib/server/autosave-http';
import { chooseLocale, inLocale, LANGUAGE_COOKIE } from '$lib/server/locale';
import { ScanFileError } from '$lib/scan/parse';
import { m } from '$lib/paraglide/messages';

export const init: ServerInit = async () => {
	try {
		await startUp();
		// The built server (scripts/serve.js) answers plain autosaves before SvelteKit with this.
		(globalThis as Record<symbol, unknown>)[AUTOSAVE_HANDLER] = autosaveHandler(db);
	} catch (e) {
		if (e instanceof ScanFileError) {
			console.error(`\n${e.message}\n\nQuickscan start niet tot dit bestand is hersteld (controleer met: npm run scans:check).\n`);
			process.exit(1);
		}
		throw e;
	}
};

/** A plain-text answer of the hook itself, with the same headers as every page. */
function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
	return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

/** The security headers every answer gets; a page's own (e.g. its CSP) are kept. */
function secure(response: Response, isLink: boolean, signedIn: boolean): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
	// A URL that holds a token must never reach another site, not even in a referrer.
	if (isLink) response.headers.set('Referrer-Policy', 'no-referrer');
	// A file named by a hash of its content (the read-aloud audio of a scan's public text) is the
	// same for everyone and never changes: it keeps its long caching and depends on no cookie.
	if (response.headers.get('Cache-Control')?.includes('immutable')) return response;
	// An answer that says no-store itself keeps its own words (a stream of events adds no-transform).
	if ((isLink || signedIn) && !response.headers.get('Cache-Control')?.includes('no-store'))
		response.headers.set('Cache-Control', 'no-store');
	// The words depend on the language cookie and the browser's preference.
	if (!response.headers.get('Vary')?.includes('Accept-Language')) response.headers.append('Vary', 'Accept-Language, Cookie');
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const choice = chooseLocale(event.url, event.cookies.get(LANGUAGE_COOKIE), event.request.headers.get('accept-language'));
	if (choice.fromUrl) {
		event.cookies.set(LANGUAGE_COOKIE, choice.locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:'
		});
	}
	const locale = choice.locale;
	return inLocale(locale, () =>
		handleRequest({
			event,
			resolve: (e, options) => resolve(e, { ...options, transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
		})
	);
};

const handleRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = token
		? validateSession(db(), token, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours })
		: null;
	if (token && !event.locals.user) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	const isLink = hasSecretInUrl(event.url.pathname);

	let response: Response;
	if (event.request.method === 'POST' && /^\?\/default(&|$)/.test(event.url.search)) {
		// SvelteKit answers a post to the reserved action name "?/default" with a 500; it is bad input.
		response = plain(400, m.bad_request());
	} else if (!originAllowed(event.request, event.url)) {
		response = plain(403, m.foreign_form());
	} else {
		response = await resolve(event);
		// Someone trying unknown links gets "too many" instead of "unknown" after a while. Only
		// unknown links count and only they are refused: a valid link or an autosave never is,
		// whoever shares the client's address (an office, a library, a proxy).
		if (isLink && response.status === 404) {
			const limit = unknownLinkLimiter.hit(safeClientAddress(event));
			if (!limit.allowed) {
				response = plain(429, m.too_many_unknown_links(), {
					'Retry-After': String(limit.retryAfterSeconds)
				});
			}
		}
	}
	// A body nobody read (a request refused before its form was looked at) is read and dropped
	// before answering: answering while the client is still sending makes clients fail at random
	// (EPIPE) and breaks the kept-alive connection for the next request. A body over the size
	// limit stops at the limit.
	if (event.request.body && !event.request.bodyUsed) await event.request.arrayBuffer().catch(() => undefined);
	secure(response, isLink, !!event.locals.user);
	log.info('request', {
		method: event.request.method,
		path: redactPath(event.url.pathname),
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: m.page_not_found() };
	// SvelteKit's own refusals of malformed requests (e.g. 415 for a form action sent as JSON)
	// are the client's mistake: a warning without a stack, and a plain Dutch answer.
	if (status < 500) {
		log.warn('bad request', { path: redactPath(event.url.pathname), status, message });
		return { message: m.bad_request() };
	}
	const id = crypto.randomUUID().slice(0, 8);
	log.error('unhandled error', {
		id,
		path: redactPath(event.url.pathname),
		status,
		message,
		error: error instanceof Error ? error.stack : String(error)
	});
	return { message: m.server_error({ id }) };
};
