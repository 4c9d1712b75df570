// Starts the built server with the defaults the README promises: port 3000 and, unless ORIGIN is
// set (required behind a proxy or on https), http://localhost:<port> as the site's own origin.
process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// CSV imports may be up to 5 MB (adapter-node's own default is 512 kB).
process.env.BODY_SIZE_LIMIT ||= '6M';
await import('../build/index.js');
console.log(`Quickscan draait op ${process.env.ORIGIN}`);
