// The autosave answered before SvelteKit, in the built server (scripts/serve.js). Every answer a
// respondent gives is one such request, so it is the app's busiest path; going through the
// framework (a web Request with a body stream, routing, hooks, a Response turned back into Node's)
// cost about half of each save (the bench, README "Performance"). Only the plain case is answered
// here: POST /s/<token>/antwoord, no query string, a JSON body. Anything else (another method or
// type, a query, a malformed token) goes to SvelteKit as before, which answers it in its own way.
// What the hooks do for every request is done here too, with the same functions: the language of
// the words, the security headers (scripts/serve.js), no referrer and no caching for a link, the
// unknown-link limit, and one log line without the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { m } from '$lib/paraglide/messages';
import { autosave, MAX_AUTOSAVE_BYTES, type AutosaveReply } from './autosave';
import type { Db } from './db';
import { chooseLocale, inLocale, LANGUAGE_COOKIE } from './locale';
import { log } from './log';
import { unknownLinkLimiter } from './rate-limit';
import { redactPath } from './secret-paths';
import { TOKEN_PATTERN } from './tokens';

/** Where the built server finds this handler once the app has started (see hooks.server.ts `init`). */
export const AUTOSAVE_HANDLER = Symbol.for('quickscan.autosave');

const AUTOSAVE_PATH = new RegExp(`^/s/(${TOKEN_PATTERN.source.slice(1, -1)})/antwoord$`);

/** The value of one cookie in a Cookie header (the language is the only one read here). */
function cookieValue(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
	}
	return undefined;
}

/**
 * The client's address as adapter-node gives it to SvelteKit (ADDRESS_HEADER, XFF_DEPTH), only as
 * an in-memory key of the unknown-link limit; never stored or logged.
 */
function clientAddress(req: IncomingMessage): string {
	const header = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return req.socket.remoteAddress ?? 'unknown';
	const value = req.headers[header];
	if (typeof value !== 'string') return 'unknown';
	if (header !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	const depth = Number.parseInt(process.env.XFF_DEPTH ?? '1', 10);
	return addresses[addresses.length - depth]?.trim() || 'unknown';
}

/** The body as text, or null when it is larger than an autosave may be (then read to its end and dropped). */
function readBody(req: IncomingMessage): Promise<string | null> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_AUTOSAVE_BYTES) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > MAX_AUTOSAVE_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Whether this request is an autosave this handler answers (the rest goes to SvelteKit). */
function isPlainAutosave(req: IncomingMessage): RegExpExecArray | null {
	if (req.method !== 'POST' || !req.url || req.url.includes('?')) return null;
	if (req.headers['content-type']?.split(';', 1)[0].trim().toLowerCase() !== 'application/json') return null;
	return AUTOSAVE_PATH.exec(req.url);
}

export type AutosaveHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * A handler that answers a request if it is a plain autosave and returns true, and returns false
 * (having touched nothing) for every other request. `database` is the app's database (db()).
 */
export const autosaveHandler =
	(database: () => Db): AutosaveHandler =>
	(req, res) => {
		const match = isPlainAutosave(req);
		if (!match) return false;
		const started = performance.now();
		const token = match[1];
		const url = new URL(req.url!, 'http://localhost');
		const locale = chooseLocale(url, cookieValue(req.headers.cookie, LANGUAGE_COOKIE), req.headers['accept-language'] ?? null).locale;
		readBody(req)
			.then((body) => inLocale(locale, () => reply(database(), token, body, req)))
			.catch((e: unknown) => inLocale(locale, () => failed(req, e)))
			.then((answer) => {
				res.statusCode = answer.status;
				res.setHeader('Content-Type', 'application/json');
				// As the hooks do for a URL that holds a token: never in a referrer, never cached.
				res.setHeader('Referrer-Policy', 'no-referrer');
				res.setHeader('Cache-Control', 'no-store');
				res.setHeader('Vary', 'Accept-Language, Cookie');
				for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
				res.end(JSON.stringify(answer.body));
				log.info('request', {
					method: 'POST',
					path: redactPath(url.pathname),
					status: answer.status,
					ms: Math.round(performance.now() - started)
				});
			});
		return true;
	};

type Answer = AutosaveReply & { headers?: Record<string, string> };

function reply(database: Db, token: string, body: string | null, req: IncomingMessage): Answer {
	const answer = autosave(database, token, body);
	// Someone trying unknown links gets "too many" after a while, as on every other link path.
	if (answer.status === 404) {
		const limit = unknownLinkLimiter.hit(clientAddress(req));
		if (!limit.allowed)
			return { status: 429, body: { message: m.too_many_unknown_links() }, headers: { 'Retry-After': String(limit.retryAfterSeconds) } };
	}
	return answer;
}

function failed(req: IncomingMessage, e: unknown): Answer {
	const id = crypto.randomUUID().slice(0, 8);
	log.error('unhandled error', {
		id,
		path: redactPath(new URL(req.url!, 'http://localhost').pathname),
		status: 500,
		error: e instanceof Error ? e.stack : String(e)
	});
	return { status: 500, body: { message: m.server_error({ id }) } };
}
