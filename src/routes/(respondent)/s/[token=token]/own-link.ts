// The personal link a group link handed out on this device, kept in a cookie for that group link's
// pages only: whoever stops and opens the group link again finds their answers instead of a new,
// empty response. The server keeps nothing about the device. The cookie holds the link itself, so it
// is httpOnly (no script reads it), goes to no other page, and is never logged (log lines hold paths only).
import type { Cookies } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import type { Invitation } from '$lib/server/db/schema';
import { openLink, type PersonalLink } from '$lib/server/respondent';

export const OWN_LINK_COOKIE = 'quickscan-eigen-link';
/** Without a closing date the cookie lasts this long: a pilot is answered in weeks, not months. */
export const OWN_LINK_MAX_DAYS = 90;
/** On a group link's page: start as someone else, without the offer to go on with the answers on this device. */
export const FRESH_PARAM = 'opnieuw';

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const DAY = 60 * 60 * 24;

/** The group link's own pages: its intro and the form that starts a response. */
const pathOf = (groupToken: string) => `/s/${groupToken}`;

/** Seconds until the end of the closing day (UTC, a little after it ends in the Netherlands), at most the cap. */
export function ownLinkMaxAge(closesOn: string | null, now = Date.now()): number {
	const cap = OWN_LINK_MAX_DAYS * DAY;
	if (!closesOn) return cap;
	const end = Date.parse(`${closesOn}T23:59:59Z`);
	return Number.isNaN(end) ? cap : Math.max(60, Math.min(cap, Math.floor((end - now) / 1000)));
}

function options(groupToken: string, url: URL) {
	return { path: pathOf(groupToken), httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

/** Keeps the personal link just handed out, for this group link on this device (a second start replaces it). */
export function rememberOwnLink(cookies: Cookies, url: URL, groupToken: string, personalToken: string, closesOn: string | null) {
	cookies.set(OWN_LINK_COOKIE, personalToken, { ...options(groupToken, url), maxAge: ownLinkMaxAge(closesOn) });
}

/**
 * The personal link kept on this device for this group link while it can still be answered. Once
 * it is handed in, revoked or no longer this group link's, the cookie is cleared and offers nothing.
 */
export function ownLinkOnDevice(
	cookies: Cookies,
	url: URL,
	groupToken: string,
	group: Invitation
): { token: string; link: PersonalLink } | null {
	const token = cookies.get(OWN_LINK_COOKIE);
	if (token === undefined) return null;
	const state = TOKEN.test(token) ? openLink(db(), token) : undefined;
	if (state?.kind === 'personal' && state.invitation.parentId === group.id && state.response?.status !== 'submitted')
		return { token, link: state };
	cookies.delete(OWN_LINK_COOKIE, options(groupToken, url));
	return null;
}
