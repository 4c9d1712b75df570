// An open pilot on the full scan for `npm run bench`, made through the app's own code.
import path from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import { createPilot, getPilot, pilotFormSchema, setPilotStatus, type PilotWithScan } from '../../src/lib/server/pilots';
import { loadScans } from '../../src/lib/server/scans';

const root = path.resolve(import.meta.dirname, '../..');

export function makeOpenPilot(db: Db, ownerId: number, municipality: string): PilotWithScan {
	const scan = loadScans(path.join(root, 'scans'))[0].definition;
	const form = pilotFormSchema.parse({
		municipality,
		roundLabel: 'Nulmeting',
		cbsCode: '',
		councilType: 'clientenraad',
		scan: `${scan.id}@${scan.version}`,
		variant: 'full',
		mirror: true,
		roles: scan.roles.map((r) => r.id),
		minGroupSize: 5,
		opensOn: '',
		closesOn: '',
		benchmarkConsent: false
	});
	const pilotId = createPilot(db, form, ownerId);
	setPilotStatus(db, pilotId, 'open');
	return getPilot(db, pilotId)!;
}
