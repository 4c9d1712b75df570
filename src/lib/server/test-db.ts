// For unit tests: a fresh, migrated SQLite database in a temp dir, with the scans loaded, and a
// valid pilot form (or a pilot made from it) for tests that need a pilot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from './db/client';
import { createPilot, pilotFormSchema } from './pilots';
import { loadScans } from './scans';

export function createTestDb(): { db: Db; dir: string; cleanup: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-test-'));
	const db = openDatabase(path.join(dir, 'test.db'), path.resolve('drizzle'));
	loadScans(path.resolve('scans'));
	return {
		db,
		dir,
		cleanup: () => {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A valid pilot form for the real scan, with any field overridden; for tests that need a pilot. */
export function testPilotForm(overrides: Record<string, unknown> = {}) {
	return pilotFormSchema.parse({
		municipality: 'Zuidstad',
		roundLabel: 'Nulmeting',
		cbsCode: '',
		councilType: 'clientenraad',
		scan: 'clientenparticipatie-werk-en-inkomen@1',
		variant: 'full',
		mirror: true,
		roles: ['raad', 'gemeente'],
		minGroupSize: 5,
		opensOn: '',
		closesOn: '',
		benchmarkConsent: false,
		...overrides
	});
}

/** A pilot without owner made from testPilotForm with `overrides`; its id. */
export function createTestPilot(db: Db, overrides: Record<string, unknown> = {}): number {
	return createPilot(db, testPilotForm(overrides), null);
}
