/** JSON pointers: immutable updates of the draft, and mapping an issue's pointer to JSON text. */
import { describe, expect, it } from 'vitest';
import { getIn, insertAt, moveAt, parsePointer, removeAt, setIn, toPointer } from '../src/model/pointer.ts';
import { pointerLocator } from '../src/monaco/pointer-range.ts';

describe('pointers', () => {
  it('round-trips segments with ~ and / escaped (RFC 6901)', () => {
    expect(toPointer(['indicators', 0, 'a/b', 'c~d'])).toBe('/indicators/0/a~1b/c~0d');
    expect(parsePointer('/indicators/0/a~1b/c~0d')).toEqual(['indicators', '0', 'a/b', 'c~d']);
    expect(parsePointer('')).toEqual([]);
  });

  it('updates without mutating the original document', () => {
    const doc = { indicators: [{ name: 'a', children: [{ name: 'x' }] }, { name: 'b' }] };
    const frozen = JSON.stringify(doc);
    const next = setIn(doc, parsePointer('/indicators/0/children/0/name'), 'y');
    expect(getIn(next, ['indicators', 0, 'children', 0, 'name'])).toBe('y');
    expect(JSON.stringify(doc)).toBe(frozen);
    expect(getIn(removeAt(doc, ['indicators'], 0), ['indicators'])).toEqual([{ name: 'b' }]);
    expect(getIn(insertAt(doc, ['indicators'], 1, { name: 'n' }), ['indicators', 1])).toEqual({ name: 'n' });
    expect((getIn(moveAt(doc, ['indicators'], 0, 1), ['indicators']) as { name: string }[]).map((n) => n.name)).toEqual(['b', 'a']);
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });
});

describe('pointerLocator', () => {
  const text = JSON.stringify({ totalPoints: 'x', indicators: [{ id: 'a', rule: { tiers: [{ score: 6 }] } }] }, null, 2);
  const at = pointerLocator(text);
  const slice = (s: { offset: number; length: number } | null) => (s ? text.slice(s.offset, s.offset + s.length) : null);

  it('marks a value exactly', () => {
    expect(slice(at('/totalPoints'))).toBe('"x"');
    expect(slice(at('/indicators/0/rule/tiers/0/score'))).toBe('6');
  });

  it('marks an object or array at its key, not across its body', () => {
    expect(slice(at('/indicators/0/rule'))).toBe('"rule"');
    expect(slice(at('/indicators'))).toBe('"indicators"');
  });

  it('falls back to the nearest existing ancestor for a missing member', () => {
    expect(slice(at('/indicators/0/rule/tiers/0/min'))).toBe('{');
    expect(slice(at('/indicators/0/points'))).toBe('{');
  });

  it('gives nothing for text that is not JSON', () => {
    expect(pointerLocator('')('/a')).toBeNull();
  });
});
