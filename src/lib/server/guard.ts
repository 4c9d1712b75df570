// The one access check of the facilitator side, called by every load, action and endpoint itself.
// A layout's check is not enough: SvelteKit skips a layout load when the client asks for
// __data.json with that layout marked unchanged. This is the one server module that speaks HTTP
// (redirect, 404), so that no route writes its own refusal.
import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { viewablePilot, type PilotAccess } from './access';
import type { SessionUser } from './auth';
import { db } from './db';
import { latestRelease } from './releases';
import type { PilotWithScan } from './pilots';

type GuardEvent = { locals: App.Locals; url: URL; params: Partial<Record<string, string>> };

/** A signed-in user, or off to the login page (and back here afterwards). */
export function requireUser(event: GuardEvent): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?terug=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

/** An admin; anyone else gets 404, so the admin pages do not even reveal that they exist. */
export function requireAdmin(event: GuardEvent): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'admin') error(404, m.page_not_found());
	return user;
}

/** Roles that may make pilots of their own. */
export function requireCreator(event: GuardEvent): SessionUser {
	const user = requireUser(event);
	if (user.role === 'viewer') error(404, m.page_not_found());
	return user;
}

export type PilotGrant = { user: SessionUser; pilot: PilotWithScan; access: PilotAccess };

/**
 * The pilot of the route's `id` if this user may see it (`view`) or manage it (`manage`). Anyone
 * else gets the same 404 as for a pilot that does not exist, so other pilots' ids are not confirmed.
 * `api: true` answers an anonymous visitor with 401 instead of sending them to the login page.
 */
export function requirePilot(event: GuardEvent, need: PilotAccess, options: { api?: boolean } = {}): PilotGrant {
	if (options.api && !event.locals.user) error(401, m.log_in_first());
	const user = requireUser(event);
	const id = Number(event.params.id);
	// Looked up afresh on every call: an action may just have changed the pilot or who shares it.
	const found = Number.isSafeInteger(id) ? viewablePilot(db(), user, id) : null;
	if (!found || (need === 'manage' && found.access !== 'manage')) error(404, m.pilot_not_found());
	return { user, ...found };
}

/**
 * The latest release of a pilot the caller has checked access to (with requirePilot): every page
 * that shows figures reads them from it. Before the first release the pilot page says when they come.
 */
export function requireRelease(pilot: { id: number }) {
	const release = latestRelease(db(), pilot.id);
	if (!release) redirect(303, `/pilots/${pilot.id}#uitkomsten`);
	return release;
}
