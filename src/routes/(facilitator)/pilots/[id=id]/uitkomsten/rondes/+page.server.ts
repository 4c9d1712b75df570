// The change since the earlier round of the same municipality: per role, theme and statement, from
// both pilots' latest releases; the earlier plan's actions then and now; the change question.
// Seeing it needs access to both pilots: linking two rounds shares nothing by itself.
import { db } from '$lib/server/db';
import { requirePilot, requireRelease } from '$lib/server/guard';
import { roundView } from '$lib/server/round-view';
import { roundPair } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

// Plain HTML, like the results overview: the tables sit in <details>, nothing here needs a script.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { pilot, user, access } = requirePilot(event, 'view');
	const release = requireRelease(pilot);
	const pair = roundPair(db(), user, pilot, release);
	if (pair.kind !== 'pair') return { state: pair.kind, view: null, canCarry: false };
	return {
		state: 'pair' as const,
		view: roundView(db(), pilot, pair.previous, pair.before, pair.after),
		canCarry: access === 'manage'
	};
};
