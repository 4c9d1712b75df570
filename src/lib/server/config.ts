// Run-time settings from the environment, read in one place; the README lists them.
import path from 'node:path';
import { minPilotsSetting } from '../benchmark/rules';

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	return !['0', 'false', 'no', 'nee', 'off'].includes(value.toLowerCase());
}

export const config = {
	databasePath: process.env.DATABASE_PATH || 'data/quickscan.db',
	scansDir: process.env.SCANS_DIR || 'scans',
	migrationsDir: process.env.MIGRATIONS_DIR || 'drizzle',
	demoData: flag(process.env.DEMO_DATA, true),
	/** File that holds the key used to re-derive invitation links; created on first start. */
	secretPath: process.env.SECRET_PATH || path.join(path.dirname(process.env.DATABASE_PATH || 'data/quickscan.db'), 'secret.key'),
	adminEmail: process.env.ADMIN_EMAIL || 'beheer@quickscan.local',
	adminPassword: process.env.ADMIN_PASSWORD || '',
	sessionIdleMinutes: Number(process.env.SESSION_IDLE_MINUTES) || 120,
	sessionMaxHours: Number(process.env.SESSION_MAX_HOURS) || 12,
	/** Benchmark rule 3: other pilots a cell needs; never below 5, and 7 is advised (README, Benchmark). */
	benchmarkMinPilots: minPilotsSetting(process.env.BENCHMARK_MIN_PILOTS),
	/** Read-aloud audio files (made from the scans' own text), kept between starts. */
	audioDir: process.env.AUDIO_DIR || path.join(path.dirname(process.env.DATABASE_PATH || 'data/quickscan.db'), 'audio'),
	readAloud: flag(process.env.READ_ALOUD, true)
};
