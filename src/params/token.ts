// A respondent link token: 22 base64url characters (128 bits).
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => /^[A-Za-z0-9_-]{22}$/.test(param);
