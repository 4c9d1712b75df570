import { describe, expect, it } from 'vitest';
import { inLocale } from '$lib/server/locale';
import { answerCount, deltaLabels, formatGap, formatList, formatMean, formatMeanGap, formatMirror, formatShare } from './format';

describe('number formats', () => {
	it('writes signed numbers with a real minus and never a signed zero', () => {
		expect(formatGap(1.25)).toBe('+1,3');
		expect(formatGap(-0.88)).toBe('−0,9');
		expect(formatGap(0.03)).toBe('0,0');
		expect(formatGap(-0.04)).toBe('0,0');
		expect(formatGap(-0.876)).toBe('−0,9');
		expect(formatGap(0.04)).toBe('0,0');
		expect(formatGap(null)).toBe('–');
		// Halves round away from zero both ways: swapping the two roles only flips the sign.
		expect([formatGap(0.25), formatGap(-0.25)]).toEqual(['+0,3', '−0,3']);
		// Decimal halves that binary cannot hold exactly still round away from zero, as in a spreadsheet.
		expect([formatGap(-0.15), formatGap(0.15), formatGap(0.45), formatGap(1.05)]).toEqual(['−0,2', '+0,2', '+0,5', '+1,1']);
		expect([formatMean(0.35), formatMean(2.05), formatMean(4.45), formatGap(-0.15)]).toEqual(['0,4', '2,1', '4,5', '−0,2']);
		expect(formatGap(0.14999)).toBe('+0,1');
	});

	it('gives the difference of the means as shown, so the sum on the screen adds up', () => {
		// 2,14 and 3,66 show as 2,1 and 3,7; their exact difference (−1,52) would read −1,5.
		expect([formatMean(2.14), formatMean(3.66)]).toEqual(['2,1', '3,7']);
		expect(formatGap(2.14 - 3.66)).toBe('−1,5');
		expect(formatMeanGap(2.14, 3.66)).toBe('−1,6');
		expect([formatMean(2.55), formatMean(2.45), formatMeanGap(2.55, 2.45)]).toEqual(['2,6', '2,5', '+0,1']);
		expect(formatMeanGap(null, 3)).toBe('–');
	});

	it('says in words whether an expectation was too high or too low', () => {
		expect(formatMirror(4.5, 3)).toBe('verwachting 1,5 te hoog');
		expect(formatMirror(2.84, 3.66)).toBe('verwachting 0,9 te laag');
		expect(formatMirror(3.04, 2.96)).toBe('verwachting klopt');
	});
});

describe('number formats in English', () => {
	const en = <T>(work: () => T) => inLocale('en', work);

	it('use a decimal point and the same rounding rules', () => {
		expect(en(() => [formatGap(1.25), formatGap(-0.88), formatGap(0.03), formatGap(-0.04)])).toEqual(['+1.3', '−0.9', '0.0', '0.0']);
		expect(en(() => [formatGap(-0.15), formatGap(0.25), formatGap(-0.25), formatGap(1.05)])).toEqual(['−0.2', '+0.3', '−0.3', '+1.1']);
		expect(en(() => [formatMean(3.5), formatMean(2.05), formatMean(4.45), formatMeanGap(2.14, 3.66)])).toEqual([
			'3.5',
			'2.1',
			'4.5',
			'−1.6'
		]);
		expect(en(() => [formatShare(0.35), formatShare(1), formatMean(null)])).toEqual(['35%', '100%', '–']);
	});

	it('put words around numbers in English, and Dutch again outside', () => {
		expect(en(() => [formatMirror(4.5, 3), formatMirror(2.84, 3.66), formatMirror(3.04, 2.96)])).toEqual([
			'expectation 1.5 too high',
			'expectation 0.9 too low',
			'expectation correct'
		]);
		expect(en(() => [answerCount(1), answerCount(12), deltaLabels().negligible, formatList(['A', 'B'])])).toEqual([
			'1 answer',
			'12 answers',
			'very small',
			'A and B'
		]);
		expect([formatMean(3.5), answerCount(1), answerCount(12), deltaLabels().negligible, formatList(['A', 'B'])]).toEqual([
			'3,5',
			'1 antwoord',
			'12 antwoorden',
			'heel klein',
			'A en B'
		]);
	});
});
