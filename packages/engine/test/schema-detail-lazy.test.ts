/**
 * The engine as the editor's workers are built (packages/editor/vite.config.ts puts validate/detail-lazy.ts in
 * the place of validate/detail.ts): a valid scheme is validated, compiled and scored without the
 * error-reporting validators; an invalid one needs `loadSchemaDetail()` first, and is then reported exactly
 * as with the validators loaded from the start.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/validate/detail.ts', () => import('../src/validate/detail-lazy.ts'));

const { compile, evaluate, validateScheme, loadSchemaDetail, schemaDetailLoaded, schemeConforms } = await import('../src/index.ts');

const read = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('error-reporting validators loaded on demand', () => {
  it('a valid scheme compiles and scores before they are loaded; an invalid one waits for them', async () => {
    const scheme = read('schemes/shenzhen-department/2021.json');
    const facts = read('schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json');
    expect(schemaDetailLoaded()).toBe(false);
    expect(schemeConforms(scheme)).toBe(true);
    const c = compile(scheme);
    expect(c.ok).toBe(true);
    if (c.ok) expect(evaluate(c.compiled, facts as never).ok).toBe(true);
    expect(schemaDetailLoaded()).toBe(false);

    const broken = structuredClone(scheme) as { totalPoints: unknown };
    broken.totalPoints = '一百';
    expect(schemeConforms(broken)).toBe(false);
    expect(() => validateScheme(broken)).toThrow(/loadSchemaDetail/);
    await loadSchemaDetail();
    expect(schemaDetailLoaded()).toBe(true);
    const issues = validateScheme(broken);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['schema-points', '/totalPoints']]);
  });
});
