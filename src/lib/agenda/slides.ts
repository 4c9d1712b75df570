// The order of a presentation: slide 1 is the agenda, then one slide per topic. A misjudged topic
// reveals itself in three steps (the statement, what each group expected, what each answered);
// "next" goes through the steps before the next slide, "previous" back to the last step.

/** How many steps a slide of this kind shows. */
export const stepsOf = (kind: string): number => (kind === 'misjudged' ? 3 : 1);

export type SlidePlace = { slide: number; step: number };

/** The places before and after this one; `steps[i]` is the number of steps of slide i + 1. */
export function neighbours(steps: readonly number[], at: SlidePlace): { previous: SlidePlace | null; next: SlidePlace | null } {
	const last = (slide: number) => steps[slide - 1] ?? 1;
	const previous =
		at.step > 1 ? { slide: at.slide, step: at.step - 1 } : at.slide > 1 ? { slide: at.slide - 1, step: last(at.slide - 1) } : null;
	const next =
		at.step < last(at.slide) ? { slide: at.slide, step: at.step + 1 } : at.slide < steps.length ? { slide: at.slide + 1, step: 1 } : null;
	return { previous, next };
}

/** A step asked for in the address, kept within the slide's steps (1 when absent or wrong). */
export function askedStep(raw: string | null, steps: number): number {
	const n = raw !== null && /^[1-9]$/.test(raw) ? Number(raw) : 1;
	return Math.min(n, steps);
}

export const slideHref = (pilotId: number, place: SlidePlace) =>
	`/pilots/${pilotId}/gesprek/presentatie/${place.slide}${place.step > 1 ? `?stap=${place.step}` : ''}`;
