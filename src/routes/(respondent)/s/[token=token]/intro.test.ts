// The intro's lead (before the start button) and the rest (after it).
import { describe, expect, it } from 'vitest';
import { splitIntro } from './intro';

describe('splitIntro', () => {
	it('leads with what the questionnaire is and how long it takes, and keeps every other sentence for after the button', () => {
		const intro = [
			'Met deze vragenlijst kijken we hoe het gaat. Leden krijgen dezelfde vragen.',
			'Het invullen duurt ongeveer {minuten} minuten. Weet u het niet? Kies dan "Weet niet".',
			'U kunt altijd stoppen.'
		];
		expect(splitIntro(intro)).toEqual({
			lead: ['Met deze vragenlijst kijken we hoe het gaat.', 'Het invullen duurt ongeveer {minuten} minuten.'],
			rest: ['Leden krijgen dezelfde vragen.', 'Weet u het niet? Kies dan "Weet niet".', 'U kunt altijd stoppen.']
		});
	});

	it('takes a sentence once, and works without a time or without an intro', () => {
		expect(splitIntro(['Het duurt {minuten} minuten. Meer.'])).toEqual({ lead: ['Het duurt {minuten} minuten.'], rest: ['Meer.'] });
		expect(splitIntro(['Eén zin.', 'Twee.'])).toEqual({ lead: ['Eén zin.'], rest: ['Twee.'] });
		expect(splitIntro([])).toEqual({ lead: [], rest: [] });
	});
});
