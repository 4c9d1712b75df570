// Runs around every request: start-up once, the facilitator's session, security headers, and a
// log line per request that holds no IP address and no respondent token.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { log, redactPath } from '$lib/server/log';
import { hasSecretInUrl, originAllowed } from '$lib/server/csrf';
import { safeClientAddress, unknownLinkLimiter } from '$lib/server/rate-limit';
import { startUp } from '$lib/server/startup';
import { ScanFileError } from '$lib/scan/parse';

export const init: ServerInit = async () => {
	try {
		await startUp();
	} catch (e) {
		if (e instanceof ScanFileError) {
			console.error(`\n${e.message}\n\nQuickscan start niet tot dit bestand is hersteld (controleer met: npm run scans:check).\n`);
			process.exit(1);
		}
		throw e;
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = token ? validateSession(db(), token, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }) : null;
	if (token && !event.locals.user) event.cookies.delete(SESSION_COOKIE, { path: '/' });

	// SvelteKit answers a post to the reserved action name "?/default" with a 500; it is bad input.
	if (event.request.method === 'POST' && /^\?\/default(&|$)/.test(event.url.search)) {
		return new Response('Ongeldig verzoek.', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
	}
	if (!originAllowed(event.request, event.url)) {
		return new Response('Dit formulier komt van een andere website en is geweigerd.', {
			status: 403,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' }
		});
	}

	// Links with a secret in the URL: a client that keeps trying unknown ones is slowed down.
	const isLink = hasSecretInUrl(event.url.pathname);
	const client = isLink ? safeClientAddress(event) : '';
	if (isLink) {
		const limit = unknownLinkLimiter.blocked(client);
		if (!limit.allowed) {
			return new Response('Te veel pogingen met onbekende links. Probeer het over een kwartier opnieuw.', {
				status: 429,
				headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Content-Type': 'text/plain; charset=utf-8' }
			});
		}
	}

	const response = await resolve(event);
	if (isLink && (response.status === 404 || response.status === 410)) unknownLinkLimiter.hit(client);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// A URL that holds a token must never reach another site, not even in a referrer.
	response.headers.set('Referrer-Policy', isLink ? 'no-referrer' : 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (isLink || event.locals.user) response.headers.set('Cache-Control', 'no-store');
	log.info('request', {
		method: event.request.method,
		path: redactPath(event.url.pathname),
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Deze pagina bestaat niet.' };
	// SvelteKit's own refusals of malformed requests (e.g. 415 for a form action sent as JSON)
	// are the client's mistake: a warning without a stack, and a plain Dutch answer.
	if (status < 500) {
		log.warn('bad request', { path: redactPath(event.url.pathname), status, message });
		return { message: 'Ongeldig verzoek.' };
	}
	const id = crypto.randomUUID().slice(0, 8);
	log.error('unhandled error', { id, path: redactPath(event.url.pathname), status, message, error: error instanceof Error ? error.stack : String(error) });
	return { message: `Er ging iets mis aan onze kant. Probeer het later opnieuw. (foutcode ${id})` };
};
