/** Typed numbers and the display comparison of reported and computed scores. */
import { describe, expect, it } from 'vitest';
import { fractionToPercentText, parseNumText, percentTextToFraction, sameDecimal } from '../src/model/num.ts';

describe('parseNumText', () => {
  it('keeps canonical decimals as numbers and other decimals as strings', () => {
    expect(parseNumText('5')).toBe(5);
    expect(parseNumText(' 0.95 ')).toBe(0.95);
    expect(parseNumText('5.50')).toBe('5.50');
    expect(parseNumText('95%')).toBe('95%');
    expect(parseNumText('９５％')).toBe('95%');
    expect(parseNumText('+3')).toBe(3);
  });
  it('refuses what is not a decimal', () => {
    for (const t of ['', '六', '1e3', '0x10', '1.', '.5', '5分']) expect(parseNumText(t)).toBeNull();
  });
});

describe('sameDecimal', () => {
  it('treats 10.00 and 10, 94.50 and 94.5 as the same score, 94.54 and 94.56 not', () => {
    expect(sameDecimal('10.00', '10')).toBe(true);
    expect(sameDecimal(94.5, '94.50')).toBe(true);
    expect(sameDecimal('0', '-0.00')).toBe(true);
    expect(sameDecimal('94.54', '94.56')).toBe(false);
    expect(sameDecimal('100', '10')).toBe(false);
    expect(sameDecimal('abc', 'abc')).toBe(false);
  });
});

describe('percent bounds', () => {
  it('shows a stored fraction in percent: 0.95 → 95, "0.955" → 95.5, "95%" → 95, 1 → 100', () => {
    expect(fractionToPercentText(0.95)).toBe('95');
    expect(fractionToPercentText('0.955')).toBe('95.5');
    expect(fractionToPercentText('95%')).toBe('95');
    expect(fractionToPercentText(1)).toBe('100');
    expect(fractionToPercentText(undefined)).toBe('');
  });
  it('stores a typed percent as the exact fraction: 95 → 0.95, 1.1 → 0.011 (1.1/100 in floating point is 0.011000000000000001)', () => {
    expect(percentTextToFraction('95')).toBe(0.95);
    expect(percentTextToFraction('95%')).toBe(0.95);
    expect(percentTextToFraction('1.1')).toBe(0.011);
    expect(percentTextToFraction('100')).toBe(1);
    expect(percentTextToFraction('九十五')).toBeNull();
  });
});
