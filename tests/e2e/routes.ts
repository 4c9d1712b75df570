// The app's routes for the cross-cutting tests (authorisation, bad input): who may use each route
// and form action, and a way to find every route in src/routes so none is forgotten.
import fs from 'node:fs';
import path from 'node:path';

export const BASE = 'http://localhost:4173';
export type Actor = 'anonymous' | 'respondent' | 'otherRespondent' | 'viewer' | 'owner' | 'otherFacilitator' | 'admin';
export const ACTORS: Actor[] = ['anonymous', 'respondent', 'otherRespondent', 'viewer', 'owner', 'otherFacilitator', 'admin'];
/** `planAction`: an action in the plan van aanpak of `pilot`. */
/** `audio`: the address of a read-aloud file that exists (/audio/<hash>.mp3). */
export type Ctx = { pilot: number; token: string; otherToken: string; resetToken: string; planAction: number; audio: string };
export type Rule = 'all' | 'signedIn' | 'managers' | 'viewers' | 'creators' | 'admin' | 'nobody';

/** Which actors a rule allows; every other actor must be denied. */
export const ALLOWED: Record<Rule, Actor[]> = {
	all: ACTORS,
	signedIn: ['viewer', 'owner', 'otherFacilitator', 'admin'],
	creators: ['owner', 'otherFacilitator', 'admin'],
	viewers: ['viewer', 'owner', 'admin'],
	managers: ['owner', 'admin'],
	admin: ['admin'],
	nobody: []
};

export type Entry = { url: (c: Ctx) => string; get: Rule; actions?: Record<string, Rule>; methods?: Record<string, Rule> };
const p =
	(suffix = '') =>
	(c: Ctx) =>
		`/pilots/${c.pilot}${suffix}`;
const s =
	(suffix = '') =>
	(c: Ctx) =>
		`/s/${c.token}${suffix}`;

export const MATRIX: Record<string, Entry> = {
	'/': { url: () => '/', get: 'all' },
	'/login': { url: () => '/login', get: 'all', actions: { default: 'all' } },
	// There is no logout page: a GET sends everyone to the login page; only the form post logs out.
	'/logout': { url: () => '/logout', get: 'nobody', actions: { default: 'all' } },
	'/wachtwoord/[token]': { url: (c) => `/wachtwoord/${c.resetToken}`, get: 'all', actions: { default: 'all' } },
	'/pilots': { url: () => '/pilots', get: 'signedIn' },
	'/pilots/nieuw': { url: () => '/pilots/nieuw', get: 'creators', actions: { create: 'creators' } },
	'/pilots/[id=id]': {
		url: p(),
		get: 'viewers',
		// Confirming typed-in forms is for anyone with access but the one who typed them in.
		actions: {
			open: 'managers',
			close: 'managers',
			release: 'managers',
			confirm: 'viewers',
			contact: 'managers',
			share: 'managers',
			unshare: 'managers',
			delete: 'managers'
		}
	},
	'/pilots/[id=id]/bewerken': { url: p('/bewerken'), get: 'managers', actions: { save: 'managers' } },
	'/pilots/[id=id]/brieven': { url: p('/brieven'), get: 'managers' },
	'/pilots/[id=id]/import': { url: p('/import'), get: 'managers', actions: { default: 'managers' } },
	'/pilots/[id=id]/import/sjabloon.csv': { url: p('/import/sjabloon.csv'), get: 'managers', methods: { GET: 'managers' } },
	'/pilots/[id=id]/invoer': { url: p('/invoer'), get: 'managers', actions: { default: 'managers' } },
	'/pilots/[id=id]/links': { url: p('/links'), get: 'managers', actions: { create: 'managers', group: 'managers', revoke: 'managers' } },
	'/pilots/[id=id]/links.csv': { url: p('/links.csv'), get: 'managers', methods: { GET: 'managers' } },
	'/pilots/[id=id]/uitkomsten': { url: p('/uitkomsten'), get: 'viewers' },
	// Aggregated exports for everyone who may see the pilot; raw answers (antwoorden.*) for managers,
	// which tests/e2e/export.spec.ts checks.
	'/pilots/[id=id]/uitkomsten/export/[kind]': { url: p('/uitkomsten/export/uitkomsten.csv'), get: 'viewers', methods: { GET: 'viewers' } },
	// The change since the earlier round: for whoever may see this pilot (and, for figures, the earlier one too).
	'/pilots/[id=id]/uitkomsten/rondes': { url: p('/uitkomsten/rondes'), get: 'viewers' },
	'/pilots/[id=id]/uitkomsten/thema/[theme]': { url: p('/uitkomsten/thema/invloed'), get: 'viewers' },
	'/pilots/[id=id]/uitkomsten/grafiek/[chart]': { url: p('/uitkomsten/grafiek/themas'), get: 'viewers', methods: { GET: 'viewers' } },
	'/api/pilots/[id=id]/results': { url: (c) => `/api/pilots/${c.pilot}/results`, get: 'viewers', methods: { GET: 'viewers' } },
	'/pilots/[id=id]/papier': { url: p('/papier'), get: 'managers' },
	// The benchmark: whoever may see the pilot's results sees it against the others (never named).
	'/pilots/[id=id]/benchmark': { url: p('/benchmark'), get: 'viewers' },
	// The agenda of the conversation: a council's chair (viewer) reads it; only managers change it.
	'/pilots/[id=id]/gesprek': {
		url: p('/gesprek'),
		get: 'viewers',
		actions: {
			verplaats: 'managers',
			verwijder: 'managers',
			minuten: 'managers',
			aantekeningen: 'managers',
			voegtoe: 'managers',
			eigen: 'managers',
			opnieuw: 'managers',
			citaat: 'managers',
			geencitaat: 'managers',
			plaats: 'managers'
		}
	},
	// A slide of the agenda: as the agenda; its notes only for managers.
	'/pilots/[id=id]/gesprek/presentatie/[slide=page]': {
		url: p('/gesprek/presentatie/1'),
		get: 'viewers',
		actions: { aantekeningen: 'managers' }
	},
	// The printable report: whoever may see the pilot's results.
	'/pilots/[id=id]/verslag': { url: p('/verslag'), get: 'viewers' },
	// The plan van aanpak: everyone who may see the pilot reads it and downloads it; managers change it.
	// Carrying the earlier round's open actions changes this plan: managers only (and it asks for a confirmation).
	'/pilots/[id=id]/plan': {
		url: p('/plan'),
		get: 'viewers',
		actions: { voegtoe: 'managers', verplaats: 'managers', meenemen: 'managers' }
	},
	'/pilots/[id=id]/plan/[action=id]': {
		url: (c) => `/pilots/${c.pilot}/plan/${c.planAction}`,
		get: 'viewers',
		actions: { bewaar: 'managers', voortgang: 'managers', verwijder: 'managers' }
	},
	'/pilots/[id=id]/plan/plan.xlsx': { url: p('/plan/plan.xlsx'), get: 'viewers', methods: { GET: 'viewers' } },
	'/pilots/[id=id]/plan/plan.txt': { url: p('/plan/plan.txt'), get: 'viewers', methods: { GET: 'viewers' } },
	// The live vote: a council's chair (viewer) sees the code and the tally; only managers open and
	// close it. The stream (JSON without Accept: text/event-stream) answers as the page does.
	'/pilots/[id=id]/gesprek/stemmen': { url: p('/gesprek/stemmen'), get: 'viewers', actions: { open: 'managers', close: 'managers' } },
	'/pilots/[id=id]/gesprek/stemmen/live': { url: p('/gesprek/stemmen/live'), get: 'viewers', methods: { GET: 'viewers' } },
	'/beheer': { url: () => '/beheer', get: 'admin', actions: { create: 'admin', deactivate: 'admin', activate: 'admin', reset: 'admin' } },
	'/beheer/logboek': { url: () => '/beheer/logboek', get: 'admin' },
	// The programme overview names every pilot with its scores: admins only, not facilitators or viewers.
	'/beheer/programma': { url: () => '/beheer/programma', get: 'admin' },
	// A respondent link is its own key: whoever holds it may use it, with or without an account.
	'/s/[token=token]': { url: s(), get: 'all', actions: { start: 'all' } },
	'/s/[token=token]/[page=page]': { url: s('/1'), get: 'all', actions: { save: 'all' } },
	'/s/[token=token]/controle': { url: s('/controle'), get: 'all', actions: { submit: 'all' } },
	'/s/[token=token]/klaar': { url: s('/klaar'), get: 'all' },
	// Malformed links get the friendly "link niet gevonden" page (404) or are repaired (303).
	'/s/[...rest]': { url: () => '/s/geen-geldige-link', get: 'nobody' },
	'/S/[...rest]': { url: (c) => `/S/${c.token}`, get: 'all', methods: { GET: 'all' } },
	// The code of a letter: a wrong one leads back to the code page, so everyone gets a redirect.
	'/code': { url: () => '/code', get: 'all', actions: { default: 'all' } },
	'/c/[code]': { url: () => '/c/0000-0000-0000', get: 'all', methods: { GET: 'all' } },
	'/C/[code]': { url: () => '/C/0000-0000-0000', get: 'all', methods: { GET: 'all' } },
	// Voting is for whoever has the code of an open vote; a code that opens nothing leads back to
	// /stem (a redirect for everyone). This one is no code at all, so it counts toward no limit.
	'/stem': { url: () => '/stem', get: 'all', actions: { default: 'all' } },
	'/stem/[code]': { url: () => '/stem/geen-code', get: 'all', actions: { stem: 'all' } },
	'/s/[token=token]/antwoord': { url: s('/antwoord'), get: 'all', methods: { POST: 'all' } },
	// Read-aloud audio: a scan's own public text, the same for everyone; names of no file are not found.
	'/audio/[hash=audio].mp3': { url: (c) => c.audio, get: 'all', methods: { GET: 'all' } }
};

/** How many layouts (each a node of a page's __data.json) wrap a route directory, the root's included. */
function layoutsAbove(dir: string): number {
	// The root layout is always a node, written or SvelteKit's default.
	let count = 1;
	for (let d = path.resolve(dir); d !== path.resolve('src/routes'); d = path.dirname(d)) {
		if (fs.readdirSync(d).some((f) => /^\+layout(\.server)?\.(ts|svelte)$/.test(f))) count++;
	}
	return count;
}

/** Every route in src/routes with its form actions and endpoint methods. */
/** A valid action for the plan van aanpak's add form (no agenda topic: it works before any release). */
export const PLAN_ACTION_FORM = {
	titel: 'Vaste vergadering met de wethouder',
	waarom: 'De raad hoort te laat van plannen.',
	eigenaar: 'samen',
	maand: '06',
	jaar: '2026',
	prioriteit: 'middel',
	thema: 'doel'
};

export function discoverRoutes() {
	const routes = new Map<string, { actions: string[]; methods: string[]; page: boolean; layouts: number }>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(file);
			else if (/^\+(page(@[^.]*)?\.svelte|page\.server\.ts|server\.ts)$/.test(entry.name)) {
				const id =
					'/' +
					path
						.relative('src/routes', dir)
						.split(path.sep)
						.filter((seg) => seg && !/^\(.*\)$/.test(seg))
						.join('/');
				const route = routes.get(id) ?? { actions: [], methods: [], page: false, layouts: layoutsAbove(dir) };
				if (entry.name !== '+server.ts') route.page = true;
				// `+page@.svelte` resets to the root layout: its __data.json has the root's node and its own only.
				const reset = entry.name.match(/^\+page@([^.]*)\.svelte$/);
				if (reset && reset[1] !== '') throw new Error(`${file}: a reset to a named layout is not handled here yet`);
				if (reset) route.layouts = 1;
				const source = fs.readFileSync(file, 'utf8');
				const actions = source.match(/export const actions[^=]*=\s*{([\s\S]*?)\n};/);
				if (actions) route.actions.push(...[...actions[1].matchAll(/^\t(\w+):/gm)].map((m) => m[1]));
				if (entry.name === '+server.ts')
					route.methods.push(...[...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]));
				routes.set(id, route);
			}
		}
	};
	walk('src/routes');
	return routes;
}
