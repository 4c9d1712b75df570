// The words of agenda topics: figures in the language's numbers, the size of a difference in words.
import { describe, expect, it } from 'vitest';
import { agendaCandidates } from '$lib/analysis/agenda';
import { resultTexts } from '$lib/analysis/texts';
import { run, SCAN } from '$lib/analysis/test-scan';
import { inLocale } from '$lib/server/locale';
import { topicWords } from './topic-text';

describe('topicWords', () => {
	const results = run();
	const texts = resultTexts(SCAN, results);
	const topics = agendaCandidates(results);

	it('names the statement, says why with the figures in words, and offers two questions', () => {
		const difference = topics.find((t) => t.kind === 'difference')!;
		const words = topicWords(difference, texts);
		expect(words.kind).toBe('We zien het verschillend');
		expect(words.title).toBe(texts.item(difference.itemId!));
		expect(words.why).toMatch(
			/^Lid van de raad geeft gemiddeld \d,\d, Gemeente geeft \d,\d\. Verschil in de antwoorden: (middelgroot|groot)\.$/
		);
		expect(words.why).not.toMatch(/delta|Cliff/i);
		expect(words.questions).toHaveLength(2);
	});

	it('speaks English with English numbers when asked', () => {
		const difference = topics.find((t) => t.kind === 'difference')!;
		const words = inLocale('en', () => topicWords(difference, resultTexts(SCAN, results)));
		expect(words.why).toMatch(/^Lid van de raad gives \d\.\d on average, Gemeente gives \d\.\d\./);
	});

	it('counts the open answers of a theme', () => {
		const open = topics.find((t) => t.kind === 'openAnswers')!;
		const words = topicWords(open, texts);
		expect(words.title).toBe(texts.theme(open.themeId));
		expect(words.why).toMatch(/^\d+ reacties? in eigen woorden\.$/);
	});

	it("puts the scan's own questions for the theme before those of the kind", () => {
		const difference = topics.find((t) => t.kind === 'difference')!;
		const own = ['Wat spreken we hierover af?'];
		const scan = { ...SCAN, themes: SCAN.themes.map((t) => (t.id === difference.themeId ? { ...t, questions: own } : t)) };
		const words = topicWords(difference, resultTexts(scan, results));
		expect(words.questions).toEqual([...own, ...topicWords(difference, texts).questions]);
		const elsewhere = topics.find((t) => t.themeId !== difference.themeId)!;
		expect(topicWords(elsewhere, resultTexts(scan, results)).questions).toEqual(topicWords(elsewhere, texts).questions);
	});
});
