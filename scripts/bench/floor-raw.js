// The limit on this machine for `npm run bench`: a bare node:http server that parses the JSON body
// of POST /save/<n> and does the one prepared upsert. No framework, no checks.
import http from 'node:http';
import { openFloorDatabase } from './floor-db.js';

const save = openFloorDatabase(process.env.DATABASE_PATH);

http
	.createServer((req, res) => {
		const match = /^\/save\/(\d+)$/.exec(req.url ?? '');
		if (req.method !== 'POST' || !match) {
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			return;
		}
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const body = JSON.parse(Buffer.concat(chunks).toString());
			const saved = save(Number(match[1]), body.answers);
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ saved }));
		});
	})
	.listen(Number(process.env.PORT), process.env.HOST);
