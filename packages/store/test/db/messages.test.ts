/**
 * A walk over the database store's messages (test/fixtures/catalogue-walk.ts, shared with the server's): every
 * code renders, with sample params of its own type, into a Chinese sentence and an English one with no
 * Chinese in it (a Chinese document name there was a defect), neither saying "undefined", "NaN" or "[object Object]".
 */
import { describe, it } from 'vitest';
import { table, walkCatalogues } from '../../../../test/fixtures/catalogue-walk.ts';
import { storeMessages, textMessages } from '../../src/db/messages.ts';

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
    'doc-case-id-changed': [{ stored: '"shenzhen-project-2020-04-party-hr-training"', given: '"other"' }],
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
  it('every code renders into a Chinese and an English sentence', () => walkCatalogues(tables));
});
