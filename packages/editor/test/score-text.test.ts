/** Showing the engine's decimal strings: padding and signs only, never rounding. */
import { describe, expect, it } from 'vitest';
import { fixed, isZero, signOf, signed, traceNum } from '../src/model/score-text.ts';

describe('score text', () => {
  it('pads to two places and keeps any longer exact value', () => {
    expect([fixed('5'), fixed('-0.5'), fixed('94.56'), fixed('93.8725'), fixed('0')]).toEqual(['5.00', '-0.50', '94.56', '93.8725', '0.00']);
  });

  it('signs a change; zero in any spelling has none', () => {
    expect([signed('1'), signed('-0.5'), signed('0'), signed('-0.00')]).toEqual(['+1.00', '-0.50', '0.00', '0.00']);
    expect([isZero('-0.00'), isZero('0.010'), signOf('-0.5'), signOf('0'), signOf('2')]).toEqual([true, false, -1, 0, 1]);
  });
});

describe('trace numbers', () => {
  it('shows long decimals as the CLI does (≈ and 6 places), short ones unchanged', () => {
    // 0.98036308235… rounds half-up at the 6th place: 0.980363|08… → 0.980363; 2.1234565 → 2.123457.
    expect(traceNum('0.9803630823504011503921884133834932571294')).toBe('≈0.980363');
    expect(traceNum('2.1234565')).toBe('≈2.123457');
    expect([traceNum('5.00'), traceNum('0.123456'), traceNum('93.14%'), traceNum('是')]).toEqual(['5.00', '0.123456', '93.14%', '是']);
  });
});
