// Lint as `sv add eslint` sets it up, plus the layer rules of docs/architecture: components and
// pages never reach the database layer, and the pure layers (analysis, scan) stay pure.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import path from 'node:path';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

const serverOnly = {
	group: ['$lib/server', '$lib/server/*', '**/lib/server/*'],
	message: 'Alleen src/lib/server en routes (+page.server.ts, +server.ts, hooks) gebruiken de serverlaag.'
};
const io = {
	group: [
		'$lib/server',
		'$lib/server/*',
		'**/lib/server/*',
		'better-sqlite3',
		'drizzle-orm',
		'drizzle-orm/*',
		'@sveltejs/kit',
		'$app/*',
		'node:*',
		'fs',
		'path'
	],
	message: 'analysis en scan zijn pure TypeScript: geen database, SvelteKit of bestanden.'
};

const noValidation = {
	group: ['zod', 'zod/*', '$lib/validation', '**/validation'],
	message: 'Geen validatiebibliotheek in wat een respondent laadt: de server controleert, de pagina blijft licht.'
};

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			'no-undef': 'off',
			// The app is served from the root and every link is a plain path, so `resolve()` around
			// each href would add noise without changing a single address.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	// Layer rules. Components, client modules and pages: no server code.
	{
		files: [
			'src/**/*.svelte',
			'src/**/*.svelte.ts',
			'src/lib/**/*.ts',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts',
			'src/hooks.ts',
			'src/params/*.ts'
		],
		ignores: ['src/lib/server/**', '**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly] }] }
	},
	// The pure layers: no database, no SvelteKit, no files (tests may read fixtures).
	{
		files: ['src/lib/analysis/**/*.ts', 'src/lib/scan/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [io] }] }
	},
	// What a respondent's browser loads stays light: no validation library (the server validates).
	{
		files: [
			'src/routes/(respondent)/**/*.svelte',
			'src/lib/components/QuestionField.svelte',
			'src/lib/components/SaveStatus.svelte',
			'src/lib/autosave.svelte.ts',
			'src/lib/labels.ts',
			'src/lib/i18n.ts'
		],
		rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly, noValidation] }] }
	},
	{
		files: ['src/lib/scan/questionnaire.ts', 'src/lib/scan/answers.ts', 'src/lib/scan/question-text.ts', 'src/lib/scan/translation.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [io, noValidation] }] }
	},
	// The bench's bare SvelteKit app (scripts/bench/floor-kit) is a project of its own, kept bare on purpose.
	{ ignores: ['build/', '.svelte-kit/', 'scripts/bench/floor-kit/', 'src/lib/paraglide/', 'playwright-report/', 'test-results/'] }
);
