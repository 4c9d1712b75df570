// Starting and stopping servers for `npm run bench`: the app's built server on a temporary
// database, and the floor servers the save path is compared with. Each listens on 127.0.0.1 only.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';

/**
 * On a machine with two or more cores (and `taskset`, Linux), servers run on core 0 and the bench
 * itself (the load generator) on core 1: then a server's figures measure the server, not how the
 * two fight over the same core. Returns whether that split is in place.
 */
export function pinLoadGenerator(): boolean {
	if (process.platform !== 'linux' || os.cpus().length < 2) return false;
	try {
		execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
		pinned = true;
	} catch {
		pinned = false;
	}
	return pinned;
}
let pinned = false;

export type Started = { child: ChildProcess; base: string; output: () => string };

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as net.AddressInfo).port;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Runs `node <args>` with PORT/HOST set and waits (at most 30 s) until `probe` answers 200.
 * The output is kept only as a tail (one log line per request), for an error message.
 */
export async function startNode(
	args: string[],
	options: { cwd: string; env?: Record<string, string>; probe: string; name: string }
): Promise<Started> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let output = '';
	const [command, commandArgs] = pinned ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
	const child = spawn(command, commandArgs, {
		cwd: options.cwd,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${options.name} stopte meteen (exit ${child.exitCode}):\n${output}`);
		try {
			if ((await fetch(`${base}${options.probe}`)).ok) return { child, base, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`${options.name} antwoordde niet binnen 30 s:\n${output}`);
}

/** The app's built server (scripts/serve.js) on the given database, without demo data. */
export function startApp(root: string, databasePath: string): Promise<Started> {
	return startNode([...(process.env.APP_NODE_ARGS?.split(' ') ?? []), 'scripts/serve.js'], {
		cwd: root,
		env: { DATABASE_PATH: databasePath, DEMO_DATA: 'false' },
		probe: '/login',
		name: 'de server'
	});
}

export async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}
