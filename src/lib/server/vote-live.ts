// In-process news of votes for the live tally: who listens to which pilot's vote, and every open
// event stream, so a shutdown can end them. One server process holds all streams; a second
// process would need a shared channel instead (not needed for one SQLite file).

type Listener = () => void;

/** Changes within this time reach the screens as one update: a room voting at once is one event. */
export const NOTIFY_DELAY_MS = 200;

const listeners = new Map<number, Set<Listener>>();
const pending = new Map<number, ReturnType<typeof setTimeout>>();

/** Calls `listener` after a change of the pilot's vote; returns the function that stops it. */
export function subscribeVote(pilotId: number, listener: Listener): () => void {
	const set = listeners.get(pilotId) ?? new Set();
	set.add(listener);
	listeners.set(pilotId, set);
	return () => {
		set.delete(listener);
		if (set.size === 0 && listeners.get(pilotId) === set) listeners.delete(pilotId);
	};
}

/** Says that a pilot's vote changed (a ballot, opening, closing); bursts are coalesced. */
export function notifyVote(pilotId: number): void {
	if (pending.has(pilotId) || !listeners.has(pilotId)) return;
	const timer = setTimeout(() => {
		pending.delete(pilotId);
		// One failing screen must not keep the news from the others, nor stop the process.
		for (const listener of [...(listeners.get(pilotId) ?? [])])
			try {
				listener();
			} catch {
				// The listener's own stream deals with its failure.
			}
	}, NOTIFY_DELAY_MS);
	timer.unref?.();
	pending.set(pilotId, timer);
}

/** How many listen to a pilot's vote (for tests: a stream that ended must have let go). */
export const listenerCount = (pilotId: number): number => listeners.get(pilotId)?.size ?? 0;

// Open streams and how to end each. adapter-node waits for open connections before it emits
// 'sveltekit:shutdown', so a stream must end on the signal itself, or the server would hang on
// until its shutdown timeout.
const streams = new Set<() => void>();
let hooked = false;

function endAll(): void {
	for (const end of [...streams]) end();
}

function onSignal(signal: NodeJS.Signals): void {
	endAll();
	// Without other listeners our own would have kept the process from stopping (e.g. in dev).
	if (process.listenerCount(signal) === 1) {
		process.off(signal, onSignal);
		process.kill(process.pid, signal);
	}
}

/** Registers an open stream's `end`; returns the function that forgets it once it has ended. */
export function trackStream(end: () => void): () => void {
	if (!hooked) {
		hooked = true;
		process.on('SIGTERM', onSignal);
		process.on('SIGINT', onSignal);
		process.on('sveltekit:shutdown' as NodeJS.Signals, endAll);
	}
	streams.add(end);
	return () => streams.delete(end);
}

/** Ends every open stream (shutdown). */
export const endAllStreams = endAll;
export const openStreamCount = (): number => streams.size;
