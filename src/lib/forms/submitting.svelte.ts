// The one home of "busy while a form is being sent": a submit function for `use:enhance` that
// marks the form as busy until the server has answered and the page is updated, so buttons can be
// disabled and say what is happening. Without JavaScript the browser's own submit does the same job.
import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

type Input = Parameters<SubmitFunction>[0];

export type SubmitOptions = {
	/** Which form is busy, when one page has several (a button then says "busy" on its own form only). */
	name?: string;
	/** Whether a successful answer empties the form (SvelteKit's default); false keeps what was typed. */
	reset?: boolean;
	/** Runs before sending; returning false cancels the submit (say, a file that is too large). */
	before?: (input: Input) => boolean | void;
	/** Runs once the page shows the answer, e.g. to move focus to it. */
	after?: () => void | Promise<void>;
};

export class Submitting {
	/** The name of the form being sent, or null when none is. */
	current = $state<string | null>(null);

	/** Whether any form of this page is being sent. */
	get busy(): boolean {
		return this.current !== null;
	}

	/** Whether the form with this name is being sent. */
	is(name: string): boolean {
		return this.current === name;
	}

	/** A submit function for `use:enhance`. */
	enhance(options: SubmitOptions = {}): SubmitFunction {
		return (input) => {
			if (options.before?.(input) === false) {
				input.cancel();
				return;
			}
			this.current = options.name ?? 'form';
			return async ({ update }) => {
				try {
					await update(options.reset === undefined ? undefined : { reset: options.reset });
				} finally {
					this.current = null;
				}
				await tick();
				await options.after?.();
			};
		};
	}
}
