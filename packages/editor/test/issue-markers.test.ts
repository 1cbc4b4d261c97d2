/**
 * The JSON view's markers and Monaco's schema: a marker's text is rendered from the message catalogue by
 * code and params (so an issue that crossed the worker or the API reads the same), and Monaco gets the
 * scheme schema without ajv-errors' `errorMessage` codes (it would show a code as its message).
 */
import { describe, expect, it } from 'vitest';
import schemeSchema from '@jixiao/engine/schema.json';
import { validateScheme } from '@jixiao/engine';
import { markerText } from '../src/components/JsonView.tsx';
import { forMonaco } from '../src/monaco/scheme-schema.ts';
import { readFileSync } from 'node:fs';

const doc = () => JSON.parse(readFileSync(new URL('../../../schemes/shenzhen-department/2024.json', import.meta.url), 'utf8')) as { totalPoints: unknown };

describe('markers', () => {
  it('a marker says in Chinese, then English, what to write, rendered from code and params', () => {
    const d = doc();
    d.totalPoints = '一百分';
    const [i] = validateScheme(d);
    expect(i).toMatchObject({ code: 'schema-points', path: '/totalPoints', params: { path: '/totalPoints', label: '总分', value: '"一百分"' } });
    // as it arrives from the worker: plain JSON; the texts are written again from code + params
    const crossed = { ...JSON.parse(JSON.stringify(i)), message: '', messageEn: '' };
    const [zh, en] = markerText(crossed).split('\n');
    expect(zh).toBe('总分应为数字（以“分”计），如 6、4.5，也可写成 "4.5"；不能写成文字或带单位，现为 "一百分"');
    expect(en).toContain('/totalPoints must be a number');
  });
});

describe("Monaco's copy of the scheme schema", () => {
  it('has no errorMessage codes left, and keeps the Chinese descriptions', () => {
    const text = JSON.stringify(forMonaco(schemeSchema));
    expect(JSON.stringify(schemeSchema)).toContain('"errorMessage":"schema-number"');
    expect(text).not.toContain('errorMessage');
    expect(text).toContain('数值：JSON 数字或十进制字符串');
    expect((forMonaco(schemeSchema) as { $defs: Record<string, unknown> }).$defs).toHaveProperty('TiersRule');
  });
});
