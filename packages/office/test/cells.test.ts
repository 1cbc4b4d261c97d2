/** Reading a typed cell as an exact decimal (src/cells.ts): full-width characters as Chinese input methods type them. */
import { describe, expect, it } from 'vitest';
import { decOfRaw } from '../src/cells.ts';

describe('decOfRaw', () => {
  it('reads full-width digits, ．，％ and － as the engine reads a fact', () => {
    expect(decOfRaw('９５％', true)?.toString()).toBe('0.95'); // 95% = 0.95
    expect(decOfRaw('１２，３４５．６')?.toString()).toBe('12345.6');
    expect(decOfRaw('－３')?.toString()).toBe('-3');
  });
  it('still refuses a percent where none is allowed, and text that is not a number', () => {
    expect(decOfRaw('９５％')).toBeNull();
    expect(decOfRaw('九十五')).toBeNull();
  });
});
