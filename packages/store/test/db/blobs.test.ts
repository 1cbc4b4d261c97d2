/**
 * Line deltas between saved states: any text is rebuilt exactly from its base and delta (property
 * test), an edit of one line of a scheme costs one line, and a delta that does not fit its base is
 * refused rather than applied.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, encodeBlob, makeDelta, MAX_DELTA_DEPTH, sha256Hex } from '../../src/db/blobs.ts';

const scheme = readFileSync(new URL('../../../../schemes/shenzhen-department/2024.json', import.meta.url), 'utf8');

describe('line deltas', () => {
  it('rebuilds any text from any base exactly', () => {
    const line = fc.oneof(fc.constantFrom('a\n', 'b\n', '{\n', '}\n', '  "x": 1,\n', '\r\n', ''), fc.string({ maxLength: 6 }));
    const text = fc.array(line, { maxLength: 40 }).map((ls) => ls.join(''));
    fc.assert(
      fc.property(text, text, (base, next) => {
        const ops = makeDelta(base, next);
        expect(ops).not.toBeNull();
        expect(applyDelta(base, ops!)).toBe(next);
      }),
      { numRuns: 500 },
    );
  });

  it('stores an edit of one line of a 64 KB scheme as that line', () => {
    const edited = scheme.replace('"totalPoints": 100', '"totalPoints": 99');
    expect(edited).not.toBe(scheme);
    const ops = makeDelta(scheme, edited)!;
    const inserted = ops.filter((o): o is string => typeof o === 'string');
    expect(inserted).toEqual(['  "totalPoints": 99,\n']);
    const row = encodeBlob(edited, sha256Hex(edited), { sha256: sha256Hex(scheme), text: scheme, depth: 0 });
    expect(row.encoding).toBe('delta');
    expect(row.depth).toBe(1);
    expect(row.body.length).toBeLessThan(200);
  });

  it(`stores a text whole again after ${MAX_DELTA_DEPTH} deltas`, () => {
    const row = encodeBlob(scheme + ' ', sha256Hex(scheme + ' '), { sha256: sha256Hex(scheme), text: scheme, depth: MAX_DELTA_DEPTH });
    expect(row).toMatchObject({ encoding: 'full', depth: 0, base_sha256: null });
  });

  it('refuses a delta that does not fit its base', () => {
    expect(() => applyDelta('a\nb\n', [3])).toThrow(/past the end/);
    expect(() => applyDelta('a\nb\n', [1])).toThrow(/does not cover/);
  });
});
