/**
 * JSON Schema validation (ajv, draft 2020-12) with Chinese messages (ajv-i18n) and the JSON path of
 * each error. A rule's union of kinds is pruned so a user sees the errors of the kind they wrote, and
 * an unknown kind gets one clear message.
 */
import { describe, expect, it } from 'vitest';
import { compile, validateCase, validateScheme, type Scheme } from '../src/index.ts';
import { fixture } from './fixtures/build.ts';

const mini = () => fixture<Scheme>('mini-scheme.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break documents in ways the types forbid
type Loose = Record<string, any>;
const loose = (): Loose => mini() as unknown as Loose;
const HAN = /\p{Script=Han}/u;

describe('scheme JSON Schema', () => {
  it('the fixture conforms', () => {
    expect(validateScheme(mini())).toEqual([]);
  });

  it('an unknown rule kind gets exactly one message, listing the kinds there are', () => {
    const d = loose();
    d.indicators[0].children[2].rule = { kind: 'bonus', countFact: '不符合项数', perItem: 1 };
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown-rule-kind', indicator: 'norms', path: '/indicators/0/children/2/rule/kind' });
    expect(issues[0]!.message).toContain('bonus');
    for (const k of ['tiers', 'options', 'ratio', 'formula', 'sum', 'checklist', 'deduction', 'linearPenalty', 'judgement']) expect(issues[0]!.message).toContain(k);
  });

  it('an unknown kind inside a sum part: one message at the part', () => {
    const d = loose();
    d.indicators[0].children[1].rule.parts[1].rule = { kind: 'bonus' };
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown-rule-kind', indicator: 'procurement', path: '/indicators/0/children/1/rule/parts/1/rule/kind' });
  });

  it('a missing kind is an unknown kind, once', () => {
    const d = loose();
    delete d.indicators[0].children[0].rule.kind;
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('unknown-rule-kind');
  });

  it('a known kind reports only its own errors: tiers without metric', () => {
    const d = loose();
    delete d.indicators[0].children[0].rule.metric;
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-required', path: '/indicators/0/children/0/rule', indicator: 'satisfaction' });
    expect(issues[0]!.message).toMatch(HAN);
    expect(issues[0]!.message).toContain('metric');
    expect(issues[0]!.messageEn).toContain('metric');
  });

  it('an extra property is named', () => {
    const d = loose();
    d.indicators[0].children[0].rule.color = 'red';
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-additionalProperties', path: '/indicators/0/children/0/rule' });
    expect(issues[0]!.message).toContain('color');
  });

  it('a bound without saying whether it is included', () => {
    const d = loose();
    delete d.indicators[0].children[0].rule.tiers[0].minInclusive;
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-dependentRequired', path: '/indicators/0/children/0/rule/tiers/0' });
    expect(issues[0]!.message).toContain('minInclusive');
  });

  it('points written as words are refused, in Chinese, at their path', () => {
    const d = loose();
    d.indicators[0].children[0].points = '六分';
    const issues = validateScheme(d);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.path).toBe('/indicators/0/children/0/points');
      expect(i.indicator).toBe('satisfaction');
      expect(i.message).toMatch(HAN);
    }
  });

  it('every message is Chinese with an English one beside it, every path a JSON pointer into the document', () => {
    const d = loose();
    delete d.title;
    d.year = 1999;
    d.rounding.places = -1;
    d.inputs[0].type = 'ratio';
    d.indicators[0].children[0].name = '';
    const issues = validateScheme(d);
    expect(issues.length).toBeGreaterThanOrEqual(5);
    for (const i of issues) {
      expect(i.severity).toBe('error');
      expect(i.message).toMatch(HAN);
      expect(i.messageEn).toMatch(/[a-z]/);
      expect(i.path === '' || i.path.startsWith('/')).toBe(true);
    }
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['', '/year', '/rounding/places', '/inputs/0/type', '/indicators/0/children/0/name']));
  });

  it('a wrong status names the allowed values (draft / published)', () => {
    const d = loose();
    d.status = 'final';
    const issues = validateScheme(d);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('/status');
    expect(issues[0]!.message).toContain('draft');
    expect(issues[0]!.message).toContain('published');
  });

  it.each([[null], [undefined], [42], ['{"id":'], [[]], [true]])('%j is not a scheme: one message, no exception', (doc) => {
    const issues = validateScheme(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('');
    expect(compile(doc).ok).toBe(false);
  });
});

describe('case JSON Schema', () => {
  it('a case without facts names each missing field', () => {
    const issues = validateCase({ id: 'x', name: '测试部门', department: '测试部门', year: 2021, scheme: { id: 'mini', year: 2024 } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('facts');
    expect(issues[0]!.message).toMatch(HAN);
  });

  it('a case without a department is valid but warned: no department account could see it', () => {
    const base = { id: 'x', name: '测试项目', year: 2021, scheme: { id: 'mini', year: 2024 }, facts: {} };
    for (const doc of [base, { ...base, department: '  ' }]) {
      const issues = validateCase(doc);
      expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([['case-no-department', 'warning', '/department']]);
      expect(issues[0]!.message).toContain('部门填报账号都看不到它');
    }
    expect(validateCase({ ...base, department: '深圳市商务局' })).toEqual([]);
  });

  it('a reviewer entry without a reason is refused by the case schema', () => {
    const issues = validateCase({ id: 'x', name: '测试部门', year: 2021, scheme: { id: 'mini', year: 2024 }, facts: {}, reviewer: { effect: { score: 5 } } });
    expect(issues.map((i) => i.path)).toContain('/reviewer/effect');
  });
});

describe('messages never say "undefined"', () => {
  it.each([
    ['a rule that is null', (d: Loose) => (d.indicators[0].children[0].rule = null)],
    ['a rule without kind', (d: Loose) => delete d.indicators[0].children[0].rule.kind],
  ])('%s', (_what, breakIt) => {
    const d = loose();
    breakIt(d);
    const issues = validateScheme(d);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.message).not.toContain('undefined');
      expect(i.messageEn).not.toContain('undefined');
    }
  });
});
