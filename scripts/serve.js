// Starts the built server with the defaults the README promises: port 3000 and, unless ORIGIN is
// set (required behind a proxy or on https), http://localhost:<port> as the site's own origin.
import compression from 'compression';
import { SECURITY_HEADERS } from '../src/lib/server/security-headers.js';

process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// CSV imports may be up to 5 MB (adapter-node's own default is 512 kB).
process.env.BODY_SIZE_LIMIT ||= '6M';
const { server } = await import('../build/index.js');
// Static files are served before SvelteKit's hooks run: give every answer the security headers
// first; SvelteKit's own headers (a page's CSP, no-referrer on links) replace them where set.
// Pages and other text answers go out compressed (a results page is ~170 KB of HTML, ~20 KB
// gzipped), as a proxy in front would do it; built files are already stored compressed and keep
// their own encoding, and an answer marked `no-transform` (e.g. a stream of events) is left alone.
// No page puts a secret next to text a visitor chose, so compression reveals nothing (BREACH).
// Only reads are compressed: posts answer with a redirect or a few bytes of JSON (an autosave),
// and should not pay for it.
const compress = compression();
// The app's busiest request, an autosave, is answered before SvelteKit when the app offers it
// (src/lib/server/autosave-http.ts says why and what it keeps); every other request goes on to
// SvelteKit's own listener.
const answerAutosave = globalThis[Symbol.for('quickscan.autosave')];
const kit = server.server.listeners('request');
server.server.removeAllListeners('request');
server.server.on('request', (req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	if (answerAutosave?.(req, res)) return;
	if (req.method === 'GET' || req.method === 'HEAD') compress(req, res, () => {});
	for (const listener of kit) listener.call(server.server, req, res);
});
console.log(`Quickscan draait op ${process.env.ORIGIN}`);
