// How long the group link's cookie keeps the personal link on a device.
import { describe, expect, it } from 'vitest';
import { OWN_LINK_MAX_DAYS, ownLinkMaxAge } from './own-link';

const DAY = 86_400;
const now = Date.parse('2026-12-02T06:00:00Z');

describe('ownLinkMaxAge', () => {
	it('lasts until the end of the closing day', () => {
		expect(ownLinkMaxAge('2026-12-02', now)).toBe(18 * 3600 - 1);
		expect(ownLinkMaxAge('2026-12-12', now)).toBe(10 * DAY + 18 * 3600 - 1);
	});

	it('lasts at most the cap, also without a closing date, and never goes below a minute', () => {
		expect(ownLinkMaxAge(null, now)).toBe(OWN_LINK_MAX_DAYS * DAY);
		expect(ownLinkMaxAge('2030-01-01', now)).toBe(OWN_LINK_MAX_DAYS * DAY);
		expect(ownLinkMaxAge('2026-11-01', now)).toBe(60);
	});
});
