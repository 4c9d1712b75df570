// The check every pilot route and form action makes: the pilot exists and this user manages it.
// Form actions do not run the layout load, so they call this themselves.
import type { SessionUser } from './auth';
import type { Db } from './db';
import { canManagePilot, getPilot, type PilotWithScan } from './pilots';

export function managedPilot(db: Db, user: SessionUser | null, id: number): PilotWithScan | null {
	if (!user) return null;
	const pilot = getPilot(db, id);
	return pilot && canManagePilot(user, pilot) ? pilot : null;
}
