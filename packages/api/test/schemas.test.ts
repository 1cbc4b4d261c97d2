/**
 * The request schemas keep the convention the server's Chinese validation messages rely on: every field
 * a request gives (body properties, URL names, query parameters) and every body as a whole has a Chinese
 * `title` naming it with its JSON name, and a `description` of the expected form.
 */
import { describe, expect, it } from 'vitest';
import type { TSchema } from '@sinclair/typebox';
import * as api from '../src/index.ts';

/** Every route schema the package exports (objects with a `response` map). */
const routes = Object.entries(api).filter(([, v]) => typeof v === 'object' && v !== null && 'response' in v) as [string, { body?: TSchema; params?: TSchema; querystring?: TSchema }][];

const hasCjk = (s: unknown) => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);

describe('request schemas', () => {
  it('cover every route of the API', () => {
    expect(routes.map(([name]) => name).sort()).toEqual(
      ['DeleteCase', 'Diff', 'FamilyDiff', 'GetCase', 'GetHistoryEntry', 'GetScheme', 'GetSession', 'Impact', 'ListCases', 'ListHistory', 'ListSchemes', 'Login', 'Logout', 'NewYear', 'Publish', 'Restore', 'SaveCase', 'SaveScheme', 'Score', 'SetCaseStatus', 'Validate', 'GetTemplate', 'GetReport', 'ImportWorkbook'].sort(),
    );
  });

  it.each(routes)('%s: each field has a Chinese title with its JSON name and a description', (_, route) => {
    for (const part of ['body', 'params', 'querystring'] as const) {
      const schema = route[part] as (TSchema & { properties?: Record<string, TSchema> }) | undefined;
      if (!schema) continue;
      if (part === 'body') expect(hasCjk(schema.title), `${part} title`).toBe(true);
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        expect(hasCjk(field.title) && String(field.title).endsWith(name), `${part}.${name} title "${String(field.title)}"`).toBe(true);
        expect(hasCjk(field.description), `${part}.${name} description`).toBe(true);
      }
    }
  });

  it('use the URL name patterns the server checks paths with', () => {
    const re = (p: string) => new RegExp(p, 'u');
    expect(re(api.FAMILY_PATTERN).test('shenzhen-department')).toBe(true);
    expect(re(api.FAMILY_PATTERN).test('Shenzhen')).toBe(false);
    expect(re(api.YEAR_PATTERN).test('2024')).toBe(true);
    expect(re(api.YEAR_PATTERN).test('24')).toBe(false);
    expect(re(api.CASE_ID_PATTERN).test('深圳市商务局')).toBe(true);
    expect(re(api.CASE_ID_PATTERN).test('.hidden')).toBe(false);
  });
});
