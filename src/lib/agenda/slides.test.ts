import { describe, expect, it } from 'vitest';
import { askedStep, neighbours, slideHref, stepsOf } from './slides';

describe('slides', () => {
	// The agenda, a difference, a misjudged mirror (three steps), an own topic.
	const steps = [1, stepsOf('difference'), stepsOf('misjudged'), stepsOf('own')];

	it('goes through a mirror slide step by step, both ways', () => {
		expect(neighbours(steps, { slide: 2, step: 1 })).toEqual({ previous: { slide: 1, step: 1 }, next: { slide: 3, step: 1 } });
		expect(neighbours(steps, { slide: 3, step: 1 }).next).toEqual({ slide: 3, step: 2 });
		expect(neighbours(steps, { slide: 3, step: 3 }).next).toEqual({ slide: 4, step: 1 });
		// Back from the slide after it lands on its last step, everything revealed.
		expect(neighbours(steps, { slide: 4, step: 1 }).previous).toEqual({ slide: 3, step: 3 });
	});

	it('stops at both ends', () => {
		expect(neighbours(steps, { slide: 1, step: 1 }).previous).toBeNull();
		expect(neighbours(steps, { slide: 4, step: 1 }).next).toBeNull();
	});

	it('reads a step from the address within the slide’s steps', () => {
		expect([askedStep('2', 3), askedStep('9', 3), askedStep('x', 3), askedStep(null, 3), askedStep('2', 1)]).toEqual([2, 3, 1, 1, 1]);
		expect(slideHref(7, { slide: 3, step: 2 })).toBe('/pilots/7/gesprek/presentatie/3?stap=2');
		expect(slideHref(7, { slide: 3, step: 1 })).toBe('/pilots/7/gesprek/presentatie/3');
	});
});
