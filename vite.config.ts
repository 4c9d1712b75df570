import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide.js';

export default defineConfig({
	// Under vitest the messages are compiled once beforehand (npm run messages): the plugin's file
	// watcher would keep the test run from ending.
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]), sveltekit()],
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// Two cores: keep the pool small so the suite stays predictable on CI.
		maxWorkers: 2
	}
});
