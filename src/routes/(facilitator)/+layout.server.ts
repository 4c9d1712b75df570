import { requireUser } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// The menu needs the user; every page below checks its own access as well (see guard.ts).
export const load: LayoutServerLoad = (event) => ({ user: requireUser(event) });
