/**
 * A walk over the database store's messages: every code renders, with sample params of its own type
 * (a code added without a sample does not compile), into a Chinese and an English sentence without
 * "undefined", "NaN" or "[object Object]".
 */
import { describe, expect, it } from 'vitest';
import type { MessageDef, Messages } from '@jixiao/engine/catalogue';
import { storeMessages, textMessages } from '../../src/db/messages.ts';

// the catalogue's param type, as its entries see it
type Params = Parameters<MessageDef<never>['zh']>[0];
type Samples<D extends Record<string, MessageDef<never>>> = { [C in keyof D]: (D[C] extends MessageDef<infer P> ? P : never)[] };
const table = <D extends Record<string, MessageDef<never>>>(m: Messages<D>, samples: Samples<D>) => ({ m, samples });

const doc = { document: '方案 shenzhen-department 2025年', documentEn: 'scheme shenzhen-department 2025' };
const tables = [
  table(textMessages, {
    'doc-json-syntax': [{ line: 3, column: 1, reason: 'PropertyNameExpected' }, { line: 1, column: 9, reason: 'Unexpected end of JSON input' }],
    'doc-duplicate-key': [{ field: '/indicators/0/points', key: 'points', line: 4, column: 7 }],
    'doc-not-object': [{}],
    'doc-too-deep': [{ field: '/rule/all/0', limit: 64 }, { field: '', limit: 64 }],
    'doc-number-overflow': [{ field: '/totalPoints', literal: '1e400', literalEn: '1e400' }],
    'doc-number-inexact': [
      { field: '/rate', literal: '0.12345678901234567890', literalEn: '0.12345678901234567890', kept: '0.12345678901234568' },
      { field: '/n', literal: `0.1111…1111（共 3002 个字符）`, literalEn: '0.1111…1111 (3002 characters)', kept: '0.1111111111111111' },
    ],
    'doc-save-published': [{}],
  }),
  table(storeMessages, {
    'store-conflict': [{ ...doc, basedOn: 1, current: 2 }],
    'store-no-version': [{ ...doc, basedOn: 9, current: 2 }],
    'store-exists': [doc],
    'store-not-found': [doc],
    'store-no-state': [{ ...doc, seq: 7 }],
    'store-published': [{ ...doc, publishedAt: '2025-03-01T08:30:00.000Z' }, { ...doc, publishedAt: '' }],
    'store-publish-invalid': [{ ...doc, errors: 3 }],
    'store-not-scheme': [{ document: '案例 shenzhen-project 2020年 01-fund', documentEn: 'case shenzhen-project 2020 01-fund' }],
    'store-bad-name': [{ what: '方案族名称', whatEn: 'family', value: '"../x"' }],
    'store-corrupt': [{ ...doc, seq: 4 }],
  }),
];

describe('the database store messages, walked', () => {
  it('every code renders into a Chinese and an English sentence', () => {
    for (const { m, samples } of tables) {
      for (const [code, list] of Object.entries(samples) as [string, Params[]][]) {
        expect(list.length, code).toBeGreaterThan(0);
        for (const p of list) {
          const def = (m.defs as Record<string, MessageDef<Params>>)[code]!;
          const zh = def.zh(p);
          const en = def.en(p);
          expect(zh, code).toMatch(/\p{Script=Han}/u);
          // English only where a developer reads it (a Chinese document name there was a defect)
          // no Han character and no Chinese punctuation (、，：（）) either
          expect(en, code).not.toMatch(/[\p{Script=Han}\u3000-\u303f\uff01-\uff60]/u);
          for (const t of [zh, en]) expect(t, code).not.toMatch(/undefined|\bNaN\b|\[object Object\]/);
        }
      }
    }
  });
});
