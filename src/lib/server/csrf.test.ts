import { describe, expect, it } from 'vitest';
import { originAllowed } from './csrf';

const url = (path: string) => new URL(`http://localhost:3000${path}`);
const post = (origin: string | null, type = 'application/x-www-form-urlencoded') =>
	new Request('http://localhost:3000/', { method: 'POST', headers: { ...(origin ? { origin } : {}), 'content-type': type }, body: 'a=1' });

describe('originAllowed', () => {
	it('allows form posts from the site itself and refuses other sites', () => {
		expect(originAllowed(post('http://localhost:3000'), url('/login'))).toBe(true);
		expect(originAllowed(post('https://evil.example'), url('/login'))).toBe(false);
		expect(originAllowed(post('https://evil.example', 'multipart/form-data; boundary=x'), url('/pilots/1/import'))).toBe(false);
		expect(originAllowed(post(null), url('/login'))).toBe(false);
	});

	it('accepts Origin: null only on respondent pages, where the token in the URL is the secret', () => {
		expect(originAllowed(post('null'), url('/s/AAAAAAAAAAAAAAAAAAAAAA/1'))).toBe(true);
		expect(originAllowed(post('null'), url('/wachtwoord/abc'))).toBe(true);
		expect(originAllowed(post('null'), url('/pilots/1'))).toBe(false);
		expect(originAllowed(post('https://evil.example'), url('/s/AAAAAAAAAAAAAAAAAAAAAA/1'))).toBe(false);
	});

	it('leaves reads and non-form bodies alone (those need CORS, which the site does not grant)', () => {
		expect(originAllowed(new Request('http://localhost:3000/'), url('/'))).toBe(true);
		expect(originAllowed(post('https://evil.example', 'application/json'), url('/s/x/antwoord'))).toBe(true);
	});
});
