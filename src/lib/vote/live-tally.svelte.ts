// The facilitator's screen follows a vote as it comes in: server-sent events first; when no event
// arrives (a proxy that holds the stream back) it asks for the tally every few seconds instead.
// What a screen reader hears is kept apart and changes at most every few seconds.
import type { Tally } from './dots';

/** No first event within this time: the stream is taken to be held back somewhere. */
const FIRST_EVENT_MS = 5_000;
const POLL_MS = 3_000;
/** A screen reader hears the tally at most this often, not at every dot. */
const ANNOUNCE_MS = 5_000;

export class LiveTally {
	tally = $state<Tally | null>(null);
	/** The polite announcement: the latest tally in words, at most every ANNOUNCE_MS. */
	announcement = $state('');
	mode = $state<'stream' | 'poll' | 'stopped'>('stopped');

	private source: EventSource | null = null;
	// Bookkeeping of pending timers, not state a page shows.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private timers = new Set<ReturnType<typeof setTimeout>>();
	private heard = false;
	private lastAnnounced = 0;
	private announceTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private url: string,
		/** The tally the page came with: the first event repeats it, and is then not announced. */
		initial: Tally | null,
		private words: (tally: Tally) => string,
		/** Runs once the vote is closed (the page then reloads its data). */
		private onClosed: () => void
	) {
		this.tally = initial;
	}

	start(): void {
		this.stop();
		this.heard = false;
		if (typeof EventSource === 'undefined') return this.poll();
		this.mode = 'stream';
		const source = new EventSource(this.url);
		this.source = source;
		source.addEventListener('tally', (event) => {
			this.heard = true;
			this.receive(JSON.parse((event as MessageEvent<string>).data) as Tally | null);
		});
		// Refused for good (a 401 after logging out elsewhere, a 404): polling finds out and says so.
		source.onerror = () => {
			if (source.readyState === EventSource.CLOSED && this.source === source) this.poll();
		};
		this.later(() => {
			if (!this.heard && this.source === source) this.poll();
		}, FIRST_EVENT_MS);
	}

	stop(): void {
		this.source?.close();
		this.source = null;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		if (this.announceTimer) clearTimeout(this.announceTimer);
		this.announceTimer = null;
		this.mode = 'stopped';
	}

	private later(run: () => void, ms: number) {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, ms);
		this.timers.add(timer);
	}

	private poll(): void {
		this.source?.close();
		this.source = null;
		this.mode = 'poll';
		const ask = async () => {
			if (this.mode !== 'poll') return;
			try {
				const response = await fetch(this.url, { headers: { accept: 'application/json' } });
				// Left the page meanwhile: nothing more to do.
				if (this.mode !== 'poll') return;
				if (response.ok) this.receive(((await response.json()) as { tally: Tally | null }).tally);
				// Refused for good (logged out elsewhere, access taken away): the page reloads its data,
				// which shows the login or "not found" page instead of a tally that no longer changes.
				else if ([401, 403, 404].includes(response.status)) {
					this.stop();
					this.onClosed();
					return;
				}
			} catch {
				// Offline for a moment: the next turn tries again.
			}
			if (this.mode === 'poll') this.later(ask, POLL_MS);
		};
		ask();
	}

	private receive(tally: Tally | null): void {
		const changed = JSON.stringify(tally) !== JSON.stringify(this.tally);
		this.tally = tally;
		if (changed && tally) this.announceSoon();
		if (!tally?.open) {
			this.stop();
			this.onClosed();
		}
	}

	private announceSoon(): void {
		if (this.announceTimer) return;
		const wait = Math.max(0, this.lastAnnounced + ANNOUNCE_MS - Date.now());
		this.announceTimer = setTimeout(() => {
			this.announceTimer = null;
			this.lastAnnounced = Date.now();
			if (this.tally) this.announcement = this.words(this.tally);
		}, wait);
	}
}
