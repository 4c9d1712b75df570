// Structured logs on stdout, one JSON line per event. Callers pass only what is safe to keep:
// never tokens, passwords, IP addresses or answer content.
//
// Info lines (one per request) are gathered and written once per turn of the event loop: under
// load that is one write for many requests instead of one each, and the autosave path is mostly
// such small requests. Warnings and errors are written at once (after what is gathered, so the
// order holds), and whatever is gathered is written before the process exits.
type Fields = Record<string, unknown>;

let gathered: string[] = [];

function flush() {
	if (!gathered.length) return;
	const text = gathered.join('');
	gathered = [];
	process.stdout.write(text);
}

process.once('exit', flush);

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}) {
	const line = `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`;
	if (level === 'info') {
		if (gathered.push(line) === 1) setImmediate(flush);
		return;
	}
	flush();
	if (level === 'error') process.stderr.write(line);
	else process.stdout.write(line);
}

export const log = {
	info: (event: string, fields?: Fields) => write('info', event, fields),
	warn: (event: string, fields?: Fields) => write('warn', event, fields),
	error: (event: string, fields?: Fields) => write('error', event, fields)
};
