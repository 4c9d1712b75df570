// A read-aloud audio file, /audio/<hash>.mp3: the spoken text of a scan (public, the same for
// every respondent; never anyone's own answer), so it needs no account or link. The name is a hash
// of what is said, so the file never changes: cached for a year. Byte ranges let a player seek.
import fs from 'node:fs';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { audioFile } from '$lib/server/read-aloud';
import type { RequestHandler } from './$types';

const HEADERS = {
	'Content-Type': 'audio/mpeg',
	'Cache-Control': 'public, max-age=31536000, immutable',
	'Accept-Ranges': 'bytes'
};

/** The one byte range asked for (`bytes=0-`, `bytes=100-199`, `bytes=-500`), or null for the whole file, or 'bad'. */
function rangeOf(header: string | null, size: number): { start: number; end: number } | null | 'bad' {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	// Several ranges at once: allowed to answer with the whole file instead.
	if (!match) return header.includes(',') ? null : 'bad';
	const [, from, to] = match;
	if (from === '' && to === '') return 'bad';
	const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
	const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
	return start > end || start >= size ? 'bad' : { start, end };
}

export const GET: RequestHandler = ({ params, request }) => {
	// Anonymous on purpose: the file holds a scan's own words, which every link's pages show anyway.
	const file = audioFile(params.hash);
	if (!file) error(404, m.page_not_found());
	const etag = `"${params.hash}"`;
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ...HEADERS, ETag: etag } });
	const body = fs.readFileSync(file);
	const range = rangeOf(request.headers.get('range'), body.length);
	if (range === 'bad')
		return new Response(null, { status: 416, headers: { ...HEADERS, 'Content-Range': `bytes */${body.length}`, ETag: etag } });
	if (range)
		return new Response(body.subarray(range.start, range.end + 1), {
			status: 206,
			headers: { ...HEADERS, ETag: etag, 'Content-Range': `bytes ${range.start}-${range.end}/${body.length}` }
		});
	return new Response(body, { headers: { ...HEADERS, ETag: etag, 'Content-Length': String(body.length) } });
};
