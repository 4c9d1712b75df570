// Letter codes: a short code on each letter that people can type (KX7P-M2Q9-4HNB) instead of the
// long link. Like the link token it is derived from the link's salt with the server's secret, so a
// letter can be printed again; only a keyed hash of it is stored, for finding the link it opens.
//
// Why 12 characters of Crockford's base32 (60 bits), with a global cap on failed look-ups:
// assume 100 000 live codes on one server (far more than its pilots will ever hand out). A guess
// then hits one with chance 100 000 / 2^60 ≈ 8.7e-14. Each client address may fail 30 times per
// 15 minutes (unknownLinkLimiter, shared with unknown links); 10 000 addresses would get 333
// guesses a second, which codeFailureLimiter caps at 10 000 failures an hour for the whole server.
// That is 8.8e7 guesses a year: 7.6e-6 expected successes a year (one in 130 000 years). Without
// the cap, at 333 guesses a second: 9e-4 a year. Eight characters (40 bits) under the same cap
// would give 8 a year, hence twelve. The QR code keeps the long link, so the cap never stops it.
import crypto from 'node:crypto';
import type { LinkSecret } from './tokens';

/** Crockford's base32: digits and capitals without I, L, O (look like 1 and 0) and U. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
/** Printed in groups of this many, joined by hyphens. */
const GROUP = 4;
/** log2(32) × 12 = 60 bits. */
export const CODE_BITS = Math.log2(CODE_ALPHABET.length) * CODE_LENGTH;

/** The code of the link with this salt, as 12 alphabet characters (no hyphens). */
export function deriveLetterCode(secret: LinkSecret, salt: string): string {
	const bytes = crypto.createHmac('sha256', secret).update(`letter-code:${salt}`).digest();
	// Five bits per character, read from the front of the HMAC: each is uniform, as 32 = 2^5.
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) {
		const bit = i * 5;
		const pair = (bytes[bit >> 3] << 8) | bytes[(bit >> 3) + 1];
		code += CODE_ALPHABET[(pair >> (11 - (bit & 7))) & 31];
	}
	return code;
}

/** The stored form: an HMAC, so a copy of the database alone does not let anyone try codes offline. */
export function letterCodeHash(secret: LinkSecret, code: string): string {
	return crypto.createHmac('sha256', secret).update(`letter-code-lookup:${code}`).digest('hex');
}

/** As printed: KX7P-M2Q9-4HNB. */
export function formatLetterCode(code: string): string {
	return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

// Look-alikes typed for the characters the alphabet leaves out.
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * What someone typed, as a code: case, spaces, hyphens, dots and look-alikes (O for 0, I or L for 1)
 * do not matter. Null when it cannot be a code (wrong length or a character outside the alphabet).
 */
export function normaliseLetterCode(typed: string): string | null {
	return normaliseCode(typed, CODE_LENGTH);
}

/** The same forgiving reading for a code of another length (the short code of a vote). */
export function normaliseCode(typed: string, length: number): string | null {
	const code = typed
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\-‐-―−_.·]/g, '')
		.replace(/[OIL]/g, (c) => LOOK_ALIKES[c]);
	if (code.length !== length) return null;
	for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
	return code;
}
