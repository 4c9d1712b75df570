// The name of a read-aloud audio file: 32 lower-case hex digits (see $lib/server/read-aloud).
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => /^[0-9a-f]{32}$/.test(param);
