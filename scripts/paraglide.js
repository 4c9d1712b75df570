// The one home of the Paraglide settings: vite.config.ts uses them, and `node scripts/paraglide.js`
// compiles the messages by itself (for svelte-check and the lint step, which run before a build).
// The server knows the language of each request (hooks.server.ts); the browser reads it from
// <html lang>, so both always render the same words.
import { compile } from '@inlang/paraglide-js';
import { fileURLToPath } from 'node:url';

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['custom-document', 'baseLocale'],
	emitTsDeclarations: true
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await compile(paraglideOptions);
