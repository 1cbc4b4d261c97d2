import { describe, expect, it } from 'vitest';
import { defineMessages, messageDef, renderIssue } from '../src/errors/catalogue.ts';

describe('message catalogue', () => {
  const m = defineMessages({
    'test-catalogue-gap': {
      zh: (p: { tier: number; region: string }) => `第${p.tier}档之后未覆盖：${p.region}`,
      en: (p: { tier: number; region: string }) => `gap after tier ${p.tier}: ${p.region}`,
    },
  });

  it('builds the texts of an issue from its code and params', () => {
    const i = m.issue('test-catalogue-gap', { tier: 2, region: '满意度<80%' }, { path: '/indicators/0', indicator: 'satisfaction' });
    expect(i).toEqual({
      code: 'test-catalogue-gap',
      severity: 'error',
      params: { tier: 2, region: '满意度<80%' },
      message: '第2档之后未覆盖：满意度<80%',
      messageEn: 'gap after tier 2: 满意度<80%',
      path: '/indicators/0',
      indicator: 'satisfaction',
    });
    expect(messageDef('test-catalogue-gap')).toBeDefined();
    // params are typed by the code's entry: a missing param is a compile error
    // @ts-expect-error region is required
    m.issue('test-catalogue-gap', { tier: 2 });
  });

  it('re-renders an issue that crossed JSON', () => {
    const i = JSON.parse(JSON.stringify(m.issue('test-catalogue-gap', { tier: 3, region: 'x<1' })));
    expect(renderIssue(i)).toEqual({ zh: '第3档之后未覆盖：x<1', en: 'gap after tier 3: x<1' });
    expect(renderIssue({ code: 'unknown-code', message: '中文', messageEn: 'English' })).toEqual({ zh: '中文', en: 'English' });
  });

  it('refuses a code defined twice', () => {
    expect(() => defineMessages({ 'test-catalogue-gap': { zh: () => 'a', en: () => 'b' } })).toThrow(/defined twice/);
  });
});
