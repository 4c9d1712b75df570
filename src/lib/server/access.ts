// Who may do what with a pilot. Admins manage every pilot; a facilitator manages the pilots they
// own or that are shared with them as co-facilitator; a viewer only reads pilots shared with them.
import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { SessionUser } from './auth';
import type { Db } from './db';
import { pilotShares, pilots, users, type Pilot } from './db/schema';
import { getPilot, type PilotWithScan } from './pilots';

export type PilotAccess = 'manage' | 'view';

export function pilotAccess(db: Db, user: SessionUser | null, pilot: Pick<Pilot, 'id' | 'ownerId'>): PilotAccess | null {
	if (!user) return null;
	if (user.role === 'admin') return 'manage';
	if (user.role === 'facilitator' && pilot.ownerId === user.id) return 'manage';
	const share = db
		.select({ access: pilotShares.access })
		.from(pilotShares)
		.where(and(eq(pilotShares.pilotId, pilot.id), eq(pilotShares.userId, user.id)))
		.get();
	if (!share) return null;
	// A viewer account never manages, whatever the share says.
	return share.access === 'facilitator' && user.role === 'facilitator' ? 'manage' : 'view';
}

/** The pilot with this user's access to it, or null when they may not see it (callers answer 404). */
export function viewablePilot(db: Db, user: SessionUser | null, id: number): { pilot: PilotWithScan; access: PilotAccess } | null {
	const pilot = getPilot(db, id);
	const access = pilot ? pilotAccess(db, user, pilot) : null;
	return pilot && access ? { pilot, access } : null;
}

/** Ids of the pilots this user may see, for lists. `null` means all (admin). */
export function visiblePilotIds(db: Db, user: SessionUser): number[] | null {
	if (user.role === 'admin') return null;
	const owned = user.role === 'facilitator' ? db.select({ id: pilots.id }).from(pilots).where(eq(pilots.ownerId, user.id)).all() : [];
	const shared = db.select({ id: pilotShares.pilotId }).from(pilotShares).where(eq(pilotShares.userId, user.id)).all();
	return [...new Set([...owned, ...shared].map((r) => r.id))];
}

/** Why a pilot cannot be shared with an account; its message is in the request's language. */
export class ShareError extends Error {}

export function sharePilot(db: Db, pilotId: number, email: string, access: 'facilitator' | 'viewer'): SessionUser {
	const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
	if (!user || !user.active) throw new ShareError(m.fac_share_no_account());
	if (user.role === 'admin') throw new ShareError(m.fac_share_admin());
	const pilot = db.select({ ownerId: pilots.ownerId }).from(pilots).where(eq(pilots.id, pilotId)).get();
	if (pilot?.ownerId === user.id) throw new ShareError(m.fac_share_owner());
	if (access === 'facilitator' && user.role === 'viewer') throw new ShareError(m.fac_share_viewer_manage());
	db.insert(pilotShares)
		.values({ pilotId, userId: user.id, access })
		.onConflictDoUpdate({ target: [pilotShares.pilotId, pilotShares.userId], set: { access } })
		.run();
	return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function unsharePilot(db: Db, pilotId: number, userId: number): boolean {
	return (
		db
			.delete(pilotShares)
			.where(and(eq(pilotShares.pilotId, pilotId), eq(pilotShares.userId, userId)))
			.run().changes > 0
	);
}

export function listShares(db: Db, pilotId: number) {
	return db
		.select({ userId: users.id, email: users.email, name: users.name, access: pilotShares.access })
		.from(pilotShares)
		.innerJoin(users, eq(users.id, pilotShares.userId))
		.where(eq(pilotShares.pilotId, pilotId))
		.orderBy(users.email)
		.all();
}
