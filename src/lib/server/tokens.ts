// Random secrets for links and sessions. A link token is derived from a random salt with the
// server's secret key, so only its hash and salt are stored and a lost letter can be printed again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** 16 bytes = 128 bits, written as 22 base64url characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function randomToken(bytes = 16): string {
	return crypto.randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
	return crypto.createHash('sha256').update(token).digest('hex');
}

export function loadOrCreateSecret(file: string): Buffer {
	try {
		const existing = fs.readFileSync(file);
		// A damaged key must not be replaced silently: links printed with it would stop showing.
		if (existing.length < 32)
			throw new Error(`${file} is beschadigd (te kort). Zet de reservekopie terug of verwijder het bestand bewust.`);
		return existing;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const secret = crypto.randomBytes(32);
	// Written under a temporary name, synced, then renamed: a crash leaves no half-written key.
	const temp = `${file}.${process.pid}.tmp`;
	const fd = fs.openSync(temp, 'wx', 0o600);
	try {
		fs.writeSync(fd, secret);
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
	fs.renameSync(temp, file);
	return secret;
}

export type LinkSecret = Buffer;

export function newLinkToken(secret: LinkSecret): { token: string; salt: string; tokenHash: string } {
	const salt = randomToken(16);
	const token = deriveLinkToken(secret, salt);
	return { token, salt, tokenHash: hashToken(token) };
}

export function deriveLinkToken(secret: LinkSecret, salt: string): string {
	return crypto.createHmac('sha256', secret).update(`invitation:${salt}`).digest().subarray(0, 16).toString('base64url');
}

let cachedSecret: LinkSecret | undefined;

/** The server's link secret, from SECRET_PATH (created on first use). */
export function linkSecret(file: string): LinkSecret {
	cachedSecret ??= loadOrCreateSecret(file);
	return cachedSecret;
}
