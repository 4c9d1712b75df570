// Structured logs on stdout, one JSON line per event. Callers pass only what is safe to keep:
// never tokens, passwords, IP addresses or answer content.
type Fields = Record<string, unknown>;

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}) {
	const line = `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`;
	// Straight to the stream: console.log's formatting costs more than the line itself, once per request.
	if (level === 'error') process.stderr.write(line);
	else process.stdout.write(line);
}

export const log = {
	info: (event: string, fields?: Fields) => write('info', event, fields),
	warn: (event: string, fields?: Fields) => write('warn', event, fields),
	error: (event: string, fields?: Fields) => write('error', event, fields)
};
