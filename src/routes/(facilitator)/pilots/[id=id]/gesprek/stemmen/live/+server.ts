// The live tally of a pilot's vote for the facilitator's screen. With `Accept: text/event-stream`
// a stream of server-sent events: the full tally first (so a reconnect always starts complete),
// again after every change, a comment line every 20 s so proxies keep the line open, and the end
// of the stream when the vote closes, the client goes, or the server shuts down. Any other Accept
// gets the tally once as JSON: the fallback for a browser whose events never arrive.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { currentTally } from '$lib/server/vote';
import { subscribeVote, trackStream } from '$lib/server/vote-live';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 20_000;
// Access is checked when a stream opens. A stream ends after this long and the browser opens a
// new one (checked again), so someone whose access or session ended stops getting the tally.
const LIFETIME_MS = 10 * 60_000;

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'view', { api: true });
	const tally = () => currentTally(db(), pilot.id);
	if (!event.request.headers.get('accept')?.includes('text/event-stream'))
		return json({ tally: tally() }, { headers: { 'Cache-Control': 'no-store' } });

	const encoder = new TextEncoder();
	let end = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let ended = false;
			const send = (text: string) => {
				if (ended) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					end();
				}
			};
			const sendTally = () => {
				// Runs from a timer: a failure (a busy database, a client gone) ends this stream only.
				try {
					const now = tally();
					send(`event: tally\ndata: ${JSON.stringify(now)}\n\n`);
					// A closed vote changes no more: the stream ends, and the page stops listening.
					if (!now?.open) end();
				} catch {
					end();
				}
			};
			const heartbeat = setInterval(() => send(': hartslag\n\n'), HEARTBEAT_MS);
			heartbeat.unref?.();
			const lifetime = setTimeout(() => end(), LIFETIME_MS);
			lifetime.unref?.();
			const unsubscribe = subscribeVote(pilot.id, sendTally);
			const forget = trackStream(() => end());
			end = () => {
				if (ended) return;
				ended = true;
				clearInterval(heartbeat);
				clearTimeout(lifetime);
				unsubscribe();
				forget();
				try {
					controller.close();
				} catch {
					// Already cancelled by the client.
				}
			};
			event.request.signal.addEventListener('abort', () => end());
			// Wait 3 s before reconnecting after a dropped line (the browser's default is similar).
			send('retry: 3000\n\n');
			sendTally();
		},
		cancel() {
			end();
		}
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			// no-transform: no compression (it would hold events back); no-store as every signed-in answer.
			'Cache-Control': 'no-cache, no-store, no-transform',
			'X-Accel-Buffering': 'no'
		}
	});
};
