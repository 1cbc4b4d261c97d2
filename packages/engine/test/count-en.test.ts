import { describe, expect, it } from 'vitest';
import { countEn } from '../src/index.ts';

describe('countEn: a count in the English line beside the Chinese', () => {
  it('is singular for one and plural otherwise', () => {
    expect(countEn(1, 'issue')).toBe('1 issue');
    expect(countEn(0, 'error')).toBe('0 errors');
    expect(countEn(21, 'issue')).toBe('21 issues');
  });
});
