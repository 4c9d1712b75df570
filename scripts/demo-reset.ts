// `npm run demo:reset [-- --yes]`: removes the demo pilots (those the demo made, flagged `demo`)
// from the database at DATABASE_PATH with everything that belongs to them, and makes the demo
// programme again. Other pilots stay exactly as they are. Asks first, unless --yes.
import readline from 'node:readline/promises';
import { config } from '../src/lib/server/config';
import { db } from '../src/lib/server/db';
import { demoPilotIds, resetDemo } from '../src/lib/server/demo';
import { availableScans, loadScans } from '../src/lib/server/scans';

const yes = process.argv.slice(2).some((a) => a === '--yes' || a === '-y');
loadScans(config.scansDir);
const database = db();
const count = demoPilotIds(database).length;
console.log(`Database: ${config.databasePath}`);
console.log(
	`Dit verwijdert ${count} demopilot(s) met alle antwoorden, agenda's en plannen, en maakt de demo opnieuw. Andere pilots blijven zoals ze zijn.\n` +
		`This removes ${count} demo pilot(s) with all their answers, agendas and plans, and makes the demo again. Other pilots stay as they are.`
);
if (!yes) {
	const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
	const answer = (await rl.question('Doorgaan? / Continue? [j/y/N] ')).trim().toLowerCase();
	rl.close();
	if (!['j', 'ja', 'y', 'yes'].includes(answer)) {
		console.log('Niets veranderd. / Nothing changed.');
		process.exit(0);
	}
}
const scan = availableScans()[0];
const started = performance.now();
const { removed, seed } = resetDemo(database, scan);
console.log(
	`Klaar / done: ${removed} verwijderd / removed, ${Object.keys(seed).length} gemaakt / made (${Math.round(performance.now() - started)} ms).`
);
database.$client.close();
