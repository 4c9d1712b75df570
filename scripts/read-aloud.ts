// `npm run read-aloud`: makes the read-aloud audio of every scan in SCANS_DIR now, into AUDIO_DIR
// (default: `audio/` beside the database), and prints what it made and how long it took. The
// server does the same in the background at start-up; this is for a build step, the browser
// tests (which want the files before the server starts) and measuring.
import { config } from '../src/lib/server/config';
import { made, openAudioDir, prepareScans, whenIdle } from '../src/lib/server/read-aloud';
import { loadScans } from '../src/lib/server/scans';

const started = performance.now();
openAudioDir(config.audioDir);
const queued = prepareScans(loadScans(config.scansDir));
await whenIdle();
const seconds = (performance.now() - started) / 1000;
// Processor time of all threads: on a busy machine the wall-clock time says little.
const cpu = process.cpuUsage();
console.log(
	`Voorlezen: ${made.files} van ${queued} bestanden gemaakt in ${seconds.toFixed(1)} s (processortijd ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)` +
		(made.files
			? ` (${made.seconds.toFixed(0)} s spraak, ${(made.bytes / 1024).toFixed(0)} KB, ${(((made.bytes / made.seconds) * 10) / 1024).toFixed(1)} KB per 10 s)`
			: '') +
		` in ${config.audioDir}`
);
if (made.files < queued) process.exitCode = 1;
