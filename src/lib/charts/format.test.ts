import { describe, expect, it } from 'vitest';
import { formatDelta, formatGap, formatMean, formatMeanGap, formatMirror } from './format';

describe('number formats', () => {
	it('writes signed numbers with a real minus and never a signed zero', () => {
		expect(formatGap(1.25)).toBe('+1,3');
		expect(formatGap(-0.88)).toBe('−0,9');
		expect(formatGap(0.03)).toBe('0,0');
		expect(formatGap(-0.04)).toBe('0,0');
		expect(formatDelta(-0.876)).toBe('−0,88');
		expect(formatDelta(0.004)).toBe('0,00');
		expect(formatGap(null)).toBe('–');
		// Halves round away from zero both ways: swapping the two roles only flips the sign.
		expect([formatDelta(0.125), formatDelta(-0.125)]).toEqual(['+0,13', '−0,13']);
		// Decimal halves that binary cannot hold exactly still round away from zero, as in a spreadsheet.
		expect([formatDelta(-29 / 200), formatDelta(29 / 200), formatDelta(0.285), formatDelta(1.005)]).toEqual([
			'−0,15',
			'+0,15',
			'+0,29',
			'+1,01'
		]);
		expect([formatMean(0.35), formatMean(2.05), formatMean(4.45), formatGap(-0.15)]).toEqual(['0,4', '2,1', '4,5', '−0,2']);
		expect(formatDelta(0.14499)).toBe('+0,14');
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
