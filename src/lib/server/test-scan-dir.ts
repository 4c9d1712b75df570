// For unit tests: temporary scan directories holding the given files, removed again after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A function that makes such a directory; call it where the tests are declared, so the clean-up hook belongs to them. */
export function tempScanDirs(): (files?: Record<string, string>) => string {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
	});
	return (files = {}) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-scans-'));
		dirs.push(dir);
		for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
		return dir;
	};
}
