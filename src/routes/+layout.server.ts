// What every page may know about the visitor: only whether someone is signed in (the error page
// uses it to offer the way back: to the pilots, or to the start page).
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });
