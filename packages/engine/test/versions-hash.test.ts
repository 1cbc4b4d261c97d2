import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../src/index.ts';

const root = new URL('../../../', import.meta.url);
const load = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Record<string, unknown>;

/** sha256 by Node's own crypto: an implementation independent of the engine's (@noble/hashes). */
const nodeSha = (text: string) => 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: '中文' } })).toBe('{"a":{"c":"中文","d":[1,{"y":null,"z":true}]},"b":1}');
  });
  it('keeps numbers as written: 6 and "6" differ', () => {
    expect(canonicalJson({ p: 6 })).not.toBe(canonicalJson({ p: '6' }));
  });
  it('drops undefined members like JSON.stringify, refuses non-JSON values', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });
});

describe('contentHash', () => {
  it('is sha256 of the canonical JSON (checked against node:crypto), prefixed sha256:', () => {
    expect(contentHash({})).toBe(nodeSha('{}'));
    // the well-known sha256 of the two characters "{}"
    expect(contentHash({})).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(contentHash({ year: 2025, title: '方案' })).toBe(nodeSha('{"title":"方案","year":2025}'));
  });

  it('hashes the real 2024 scheme like node:crypto does, whatever the key order', () => {
    const doc = load('schemes/shenzhen-department/2024.json');
    const { status: _s, publishedAt: _p, contentHash: _c, $schema: _d, ...content } = doc;
    expect(contentHash(doc)).toBe(nodeSha(canonicalJson(content)));
    const reversed = Object.fromEntries(Object.entries(doc).reverse());
    expect(contentHash(reversed)).toBe(contentHash(doc));
  });

  it('ignores the publication fields and $schema, and nothing else', () => {
    const doc = load('schemes/shenzhen-department/2024.json');
    const h = contentHash(doc);
    expect(contentHash({ ...doc, status: 'draft', publishedAt: '2025-01-01T00:00:00.000Z', contentHash: 'sha256:x', $schema: 'elsewhere.json' })).toBe(h);
    expect(contentHash({ ...doc, version: '2' })).not.toBe(h);
    expect(contentHash({ ...doc, totalPoints: 101 })).not.toBe(h);
    const edited = structuredClone(doc) as { indicators: { name: string }[] };
    edited.indicators[0]!.name += '（改）';
    expect(contentHash(edited)).not.toBe(h);
  });

  it('refuses what is not a JSON object', () => {
    expect(() => contentHash([1, 2])).toThrow(TypeError);
    expect(() => contentHash(null)).toThrow(TypeError);
  });
});
