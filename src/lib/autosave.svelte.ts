// Saves each answer as it is given (with JavaScript). Answers wait in a queue until the server
// confirms them; when the connection is gone the queue is kept and retried, so nothing is lost.
import { m } from '$lib/paraglide/messages';

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'rejected';

const RETRY_MS = [1000, 2000, 5000, 10000, 20000, 30000];

export class AutoSaver {
	state = $state<SaveState>('idle');
	message = $state('');
	// Bookkeeping that no template shows, so plain (non-reactive) maps.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private pending = new Map<string, string>();
	private inFlight = false;
	private attempt = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(private readonly url: string) {}

	/** Queue an answer; text is saved after a short pause in typing, choices at once. */
	answer(key: string, value: string, debounceMs = 0): void {
		this.pending.set(key, value);
		clearTimeout(this.typingTimers.get(key));
		if (debounceMs > 0)
			this.typingTimers.set(
				key,
				setTimeout(() => this.flush(), debounceMs)
			);
		else void this.flush();
	}

	get hasPending(): boolean {
		return this.pending.size > 0 || this.inFlight;
	}

	/**
	 * The page is being left (tab closed, app switched on a phone): send what is queued with
	 * `keepalive`, so the browser delivers it even after the page is gone.
	 */
	flushOnLeave(): void {
		for (const timer of this.typingTimers.values()) clearTimeout(timer);
		if (this.pending.size === 0) return;
		const body = JSON.stringify({ answers: Object.fromEntries(this.pending) });
		void fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true }).catch(() => {});
	}

	/** Try again now, e.g. when the browser says it is back online. */
	retryNow(): void {
		clearTimeout(this.timer);
		this.attempt = 0;
		void this.flush();
	}

	async flush(): Promise<void> {
		if (this.inFlight || this.pending.size === 0) return;
		const batch = Object.fromEntries(this.pending);
		this.inFlight = true;
		this.state = 'saving';
		try {
			const res = await fetch(this.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ answers: batch })
			});
			if (res.ok) {
				// Only drop what was sent and not changed since; newer answers stay queued.
				for (const [key, value] of Object.entries(batch)) if (this.pending.get(key) === value) this.pending.delete(key);
				this.attempt = 0;
				this.state = this.pending.size ? 'saving' : 'saved';
				this.message = '';
			} else if (res.status >= 400 && res.status < 500 && res.status !== 429) {
				// The server will not take these answers (e.g. the list was closed): retrying won't help.
				const body = await res.json().catch(() => null);
				this.pending.clear();
				this.state = 'rejected';
				this.message = body?.message ?? m.resp_save_rejected();
			} else throw new Error(`status ${res.status}`);
		} catch {
			this.state = 'offline';
			const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
			clearTimeout(this.timer);
			this.timer = setTimeout(() => void this.flush(), wait);
		} finally {
			this.inFlight = false;
		}
		if (this.state === 'saving' && this.pending.size) void this.flush();
	}
}
