// The authorisation matrix: every route and every form action, as every kind of visitor, must be
// allowed or denied as tests/e2e/routes.ts says. Routes are discovered from src/routes, so a new
// route or action without a rule there makes this test fail until someone decides who may use it.
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { ADMIN } from './helpers';
import { ACTORS, ALLOWED, BASE, discoverRoutes, MATRIX, PLAN_ACTION_FORM, type Actor, type Ctx } from './routes';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const contexts = new Map<Actor, APIRequestContext>();
const accounts: Partial<Record<Actor, { email: string; password: string }>> = {};
let ctx: Ctx;

async function newContext(): Promise<APIRequestContext> {
	// Accept: text/html, as a browser sends: otherwise SvelteKit answers form posts with JSON.
	return request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE, accept: 'text/html' }, maxRedirects: 0 });
}

async function signIn(email: string, password: string): Promise<APIRequestContext> {
	const api = await newContext();
	const res = await api.post('/login', { form: { email, password } });
	expect(res.status(), `login of ${email}`).toBe(303);
	return api;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	const db = new Database('.e2e-data/quickscan.db');
	const password = 'matrix-wachtwoord-123';
	const passwordHash = await hash(password);
	const insertUser = db.prepare('INSERT INTO users (email, name, password_hash, role) VALUES (?, ?, ?, ?) RETURNING id');
	const suffix = Date.now().toString(36);
	const ids = {
		owner: (insertUser.get(`eigenaar-${suffix}@example.nl`, 'Eigenaar', passwordHash, 'facilitator') as { id: number }).id,
		other: (insertUser.get(`ander-${suffix}@example.nl`, 'Ander', passwordHash, 'facilitator') as { id: number }).id,
		viewer: (insertUser.get(`kijker-${suffix}@example.nl`, 'Kijker', passwordHash, 'viewer') as { id: number }).id
	};
	// Two open pilots of the same scan as the demo pilot: A (the owner's) and B (someone else's).
	const demo = db.prepare('SELECT snapshot_id, roles FROM pilots ORDER BY id LIMIT 1').get() as { snapshot_id: number; roles: string };
	const insertPilot = db.prepare(
		"INSERT INTO pilots (municipality, council_type, snapshot_id, variant, roles, status, owner_id) VALUES (?, 'clientenraad', ?, 'short', ?, 'open', ?) RETURNING id"
	);
	const pilotA = (insertPilot.get(`Matrixstad ${suffix}`, demo.snapshot_id, demo.roles, ids.owner) as { id: number }).id;
	const pilotB = (insertPilot.get(`Anderdorp ${suffix}`, demo.snapshot_id, demo.roles, ids.other) as { id: number }).id;
	db.prepare("INSERT INTO pilot_shares (pilot_id, user_id, access) VALUES (?, ?, 'viewer')").run(pilotA, ids.viewer);
	const resetToken = `matrix-reset-${suffix}-0123456789abcdef`;
	db.prepare('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(
		sha256(resetToken),
		ids.other,
		Math.floor(Date.now() / 1000) + 3600
	);
	db.close();

	accounts.viewer = { email: `kijker-${suffix}@example.nl`, password };
	accounts.owner = { email: `eigenaar-${suffix}@example.nl`, password };
	accounts.otherFacilitator = { email: `ander-${suffix}@example.nl`, password };
	accounts.admin = ADMIN;
	for (const actor of ACTORS) contexts.set(actor, await signInAgain(actor));

	// Real links, made the way a facilitator makes them.
	const linkOf = async (api: APIRequestContext, pilot: number) => {
		expect((await api.post(`/pilots/${pilot}/links?/create`, { form: { role: 'raad', count: '1' } })).status()).toBeLessThan(400);
		const csv = await (await api.get(`/pilots/${pilot}/links.csv`)).text();
		return csv.match(/\/s\/([A-Za-z0-9_-]{22})/)![1];
	};
	// An action in pilot A's plan van aanpak, added the way a facilitator adds one.
	expect((await contexts.get('owner')!.post(`/pilots/${pilotA}/plan?/voegtoe`, { form: PLAN_ACTION_FORM })).status()).toBe(200);
	const planDb = new Database('.e2e-data/quickscan.db', { readonly: true });
	const planAction = (planDb.prepare('SELECT id FROM plan_actions WHERE pilot_id = ?').get(pilotA) as { id: number }).id;
	planDb.close();
	const token = await linkOf(contexts.get('owner')!, pilotA);
	// A read-aloud file that exists: the first one on the link's first page (made before the server started).
	const firstPage = await (await contexts.get('anonymous')!.get(`/s/${token}/1`)).text();
	ctx = {
		pilot: pilotA,
		token,
		otherToken: await linkOf(contexts.get('otherFacilitator')!, pilotB),
		resetToken,
		planAction,
		audio: firstPage.match(/\/audio\/[0-9a-f]{32}\.mp3/)![0]
	};
	// Released figures, so the results pages, charts and downloads of pilot A exist to be refused.
	expect((await contexts.get('owner')!.post(`/pilots/${pilotA}?/release`, { form: { confirm: 'ja' } })).status()).toBeLessThan(400);
});

test.afterAll(async () => {
	for (const api of contexts.values()) await api.dispose();
});

/** Denied means: sent to log in first, or told the thing does not exist or is forbidden. */
function isDenied(status: number, location: string | undefined) {
	return [401, 403, 404].includes(status) || (status === 303 && (location === '/login' || !!location?.startsWith('/login?terug=')));
}

test('every route and action in src/routes has a row in the matrix, and every row a route', () => {
	const found = discoverRoutes();
	const missing = [...found.keys()].filter((id) => !MATRIX[id]);
	expect(missing, 'routes without an authorisation rule').toEqual([]);
	expect(
		Object.keys(MATRIX).filter((id) => !found.has(id)),
		'rules for routes that no longer exist'
	).toEqual([]);
	for (const [id, route] of found) {
		expect(route.actions.sort(), `form actions of ${id}`).toEqual(Object.keys(MATRIX[id].actions ?? {}).sort());
		expect(route.methods.sort(), `endpoint methods of ${id}`).toEqual(Object.keys(MATRIX[id].methods ?? {}).sort());
	}
});

test('each actor is allowed or denied on every page and endpoint as the matrix says', async () => {
	const problems: string[] = [];
	for (const [id, entry] of Object.entries(MATRIX)) {
		for (const actor of ACTORS) {
			const url = actor === 'otherRespondent' ? entry.url({ ...ctx, token: ctx.otherToken }) : entry.url(ctx);
			const res = await contexts.get(actor)!.get(url);
			const denied = isDenied(res.status(), res.headers()['location']);
			const allowed = ALLOWED[entry.get].includes(actor);
			if (res.status() >= 500) problems.push(`GET ${id} as ${actor}: ${res.status()}`);
			else if (allowed === denied)
				problems.push(
					`GET ${id} as ${actor}: ${res.status()} ${res.headers()['location'] ?? ''} (expected ${allowed ? 'allowed' : 'denied'})`
				);
		}
	}
	expect(problems).toEqual([]);
});

test('each actor is allowed or denied on every form action as the matrix says', async () => {
	const problems: string[] = [];
	for (const [id, entry] of Object.entries(MATRIX)) {
		for (const [action, rule] of [
			...Object.entries(entry.actions ?? {}),
			...Object.entries(entry.methods ?? {}).filter(([m]) => m !== 'GET')
		]) {
			for (const actor of ACTORS) {
				// Logging out ends the session: do it with a session of its own.
				const api = id === '/logout' && actor !== 'anonymous' ? await signInAgain(actor) : contexts.get(actor)!;
				const url = actor === 'otherRespondent' ? entry.url({ ...ctx, token: ctx.otherToken }) : entry.url(ctx);
				// Bodies that are incomplete on purpose: an allowed actor gets a form error, nothing changes.
				const res =
					action === 'POST'
						? await api.post(url, { data: { answers: {} } })
						: await api.post(action === 'default' ? url : `${url}?/${action}`, { form: { _: '' } });
				const denied = isDenied(res.status(), res.headers()['location']);
				const allowed = ALLOWED[rule].includes(actor);
				if (res.status() >= 500) problems.push(`${action} ${id} as ${actor}: ${res.status()}`);
				else if (allowed === denied)
					problems.push(
						`${action} ${id} as ${actor}: ${res.status()} ${res.headers()['location'] ?? ''} (expected ${allowed ? 'allowed' : 'denied'})`
					);
				if (id === '/logout' && ALLOWED.signedIn.includes(actor)) {
					// The session really ended: the same cookie no longer opens the pilots.
					const after = await api.get('/pilots');
					if (!isDenied(after.status(), after.headers()['location'])) problems.push(`session of ${actor} still works after logout`);
				}
				if (api !== contexts.get(actor)) await api.dispose();
			}
		}
	}
	expect(problems).toEqual([]);
});

/** The data request SvelteKit's client makes for a page, with a mask of which nodes to load. */
function dataUrl(pageUrl: string, mask: string): string {
	const url = new URL(pageUrl, BASE);
	url.pathname = url.pathname.replace(/\/?$/, '/__data.json');
	url.searchParams.set('x-sveltekit-invalidated', mask);
	return url.pathname + url.search;
}

type DataBody = { type: 'data'; nodes: ({ type: string; status?: number } | null)[] } | { type: 'redirect'; location: string };

test('no page gives its data to someone who may not see it, whichever layouts the request marks as unchanged', async () => {
	// A layout whose node is marked unchanged does not run its load; only a check in the page's
	// own load (or a parent() call) is left. Every mask that skips any set of layouts is tried.
	const problems: string[] = [];
	for (const [id, route] of discoverRoutes()) {
		if (!route.page) continue;
		const entry = MATRIX[id];
		for (let bits = 0; bits < 2 ** route.layouts; bits++) {
			const mask = Array.from({ length: route.layouts }, (_, i) => ((bits >> i) & 1 ? '1' : '0')).join('') + '1';
			for (const actor of ACTORS) {
				const page = actor === 'otherRespondent' ? entry.url({ ...ctx, token: ctx.otherToken }) : entry.url(ctx);
				const res = await contexts.get(actor)!.get(dataUrl(page, mask));
				const where = `${id} as ${actor} with mask ${mask}`;
				if (res.status() >= 500) {
					problems.push(`${where}: ${res.status()}`);
					continue;
				}
				let body: DataBody | null = null;
				try {
					body = (await res.json()) as DataBody;
				} catch {
					// Not data at all (a 4xx page): nothing was given away.
				}
				const denied =
					body === null ||
					isDenied(res.status(), res.headers()['location']) ||
					(body.type === 'redirect' && (body.location === '/login' || body.location.startsWith('/login?terug='))) ||
					(body.type === 'data' && body.nodes.some((n) => n?.type === 'error' && [401, 403, 404, 410].includes(n.status ?? 0)));
				const allowed = ALLOWED[entry.get].includes(actor);
				if (allowed === denied)
					problems.push(`${where}: ${res.status()} ${JSON.stringify(body).slice(0, 120)} (expected ${allowed ? 'allowed' : 'denied'})`);
			}
		}
	}
	expect(problems).toEqual([]);
});

/** A fresh session for an actor, for actions that end the session they run in. */
async function signInAgain(actor: Actor): Promise<APIRequestContext> {
	const account = accounts[actor];
	return account ? signIn(account.email, account.password) : newContext();
}
