/**
 * Adding a rule kind is one folder and one registry line: the toy kind 达标计分 (test/fixtures/toy-kind/,
 * laid out as a production kind's folder) registered with `createRegistry([...RULE_KIND_LIST, passFail])`
 * validates, scores (modifiers and nesting included), renders and diffs — while the production scheme
 * format, which does not list it, still refuses it.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Dec, plain } from '../src/decimal/dec.ts';
import { CannotCompute, type EvalContext } from '../src/evaluate/context.ts';
import { buildDecls } from '../src/compile/decls.ts';
import { schemeJsonSchema } from '../src/format/json-schema.ts';
import type { Scheme } from '../src/format/scheme-types.ts';
import { RULE_KIND_LIST, createRegistry } from '../src/rules/registry.ts';
import type { RuleSite } from '../src/rules/kind.ts';
import { diffRuleWith } from '../src/versions/diff-rules.ts';
import type { DiffCtx } from '../src/versions/diff-context.ts';
import { validateScheme } from '../src/index.ts';
import { passFail } from './fixtures/toy-kind/index.ts';
import type { PassFailRule } from './fixtures/toy-kind/pass-fail.ts';

// ajv ships CommonJS; under ESM its class may sit on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

const kinds = [...RULE_KIND_LIST, passFail] as const;
const registry = createRegistry(kinds);

const REPORT = '按时报送绩效自评报告';
const rule: PassFailRule = { kind: 'passFail', fact: '按时报送', text: REPORT };
/** The rule with some members changed. */
const like = (extra: Partial<PassFailRule>): PassFailRule => ({ ...rule, ...extra });

/** A one-leaf scheme of 2分 whose leaf has the given rule. */
function scheme(r: unknown): Scheme {
  return {
    id: 'toy',
    family: 'toy',
    title: '测试方案',
    jurisdiction: '测试',
    year: 2021,
    version: '1',
    status: 'draft',
    totalPoints: 2,
    rounding: { places: 2, stages: [] },
    grades: [{ grade: '合格', min: 0, minInclusive: true }],
    inputs: [
      { id: '按时报送', label: REPORT, type: 'boolean' },
      { id: '存在违规', label: '存在违规支出', type: 'boolean' },
      { id: '满意度', label: '满意度', type: 'percent' },
    ],
    indicators: [{ id: 'report', name: '自评报告报送', points: 2, rule: r as Scheme['indicators'][number]['rule'] }],
  };
}

const doc = scheme(rule);
const site = (points: number, path = '/indicators/0/rule'): RuleSite => ({ path, indicator: 'report', points: new Dec(points), key: 'report', name: '自评报告报送', decls: buildDecls(doc), depth: 0 });

/** The facts a rule reads, as the engine's evaluation context hands them over (yes/no facts only here). */
function context(facts: Record<string, boolean>, points: Dec, key = 'report'): EvalContext {
  const bool = (id: string) => {
    const v = facts[id];
    if (typeof v !== 'boolean') throw new CannotCompute({ code: 'fact-missing', severity: 'error', message: `缺少${id}`, messageEn: `missing ${id}`, path: '' });
    return v;
  };
  const none = (id: string): never => {
    throw new Error(`the toy reads no ${id}`);
  };
  return {
    indicator: 'report',
    key,
    points,
    num: none,
    bool,
    text: none,
    rows: none,
    reviewer: () => undefined,
    traceInputs: () => [],
    metricLines: [],
    child: (k, p) => context(facts, p, k),
    show: (_id, d) => plain(d),
    label: (id) => id,
  };
}

describe('a toy rule kind registered beside the production kinds', () => {
  it('validates: the scheme format built with it accepts it and checks its members', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schemeJsonSchema(kinds));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(scheme({ kind: 'passFail', fact: '按时报送' }))).toBe(false); // no text
    expect(validate(scheme({ ...rule, failScore: 'half' }))).toBe(false);
  });

  it('is not part of the production format: validateScheme refuses it as an unknown kind', () => {
    const issues = validateScheme(doc);
    expect(issues.map((i) => i.code)).toEqual(['unknown-rule-kind']);
    expect(issues[0]!.message.split('可用的类型：')[1]).toBe(RULE_KIND_LIST.map((k) => k.kind).join('、'));
    const production = schemeJsonSchema() as { $defs: Record<string, unknown> };
    expect(production.$defs.PassFailRule).toBeUndefined();
  });

  it('is checked by its own semantic checks, with its own catalogue message', () => {
    expect(registry.check(rule, site(2))).toEqual([]);
    expect(registry.check(like({ fact: '满意度' }), site(2)).map((i) => i.code)).toEqual(['fact-type']);
    const [tooHigh] = registry.check(like({ failScore: 3 }), site(2));
    expect(tooHigh).toMatchObject({ code: 'pass-fail-score', message: '未达标得分 3 分应在 0 至本项分值 2 分之间', path: '/indicators/0/rule/failScore' });
  });

  it('scores: met → the points (2), not met → failScore (0 by default, 0.5 when written)', () => {
    const run = registry.compile(rule, site(2));
    expect(plain(run(context({ 按时报送: true }, new Dec(2))).score)).toBe('2');
    expect(plain(run(context({ 按时报送: false }, new Dec(2))).score)).toBe('0');
    const half = registry.compile(like({ failScore: 0.5 }), site(2));
    expect(plain(half(context({ 按时报送: false }, new Dec(2))).score)).toBe('0.5');
  });

  it('carries the modifiers every rule may carry: a veto gives 0 even when met', () => {
    const vetoed = registry.compile(like({ veto: { when: { fact: '存在违规', operator: 'equal', value: true }, text: '存在违规支出的，本项得0分。' } }), site(2));
    const r = vetoed(context({ 按时报送: true, 存在违规: true }, new Dec(2)));
    expect([plain(r.score), r.status]).toEqual(['0', 'vetoed']);
  });

  it('nests: a 分项合计 of two toy parts runs them through the same registry, 1 + 0 = 1', () => {
    const sum = {
      kind: 'sum',
      parts: [
        { id: 'a', name: '年中报告', points: 1, rule: { kind: 'passFail', fact: '按时报送', text: '按时报送年中报告' } },
        { id: 'b', name: '年度报告', points: 1, rule: { kind: 'passFail', fact: '存在违规', text: '无违规' } },
      ],
    };
    expect(registry.check(sum, site(2))).toEqual([]);
    const r = registry.compile(sum, site(2))(context({ 按时报送: true, 存在违规: false }, new Dec(2)));
    expect(plain(r.score)).toBe('1');
    expect(registry.refs(sum)).toEqual(['按时报送', '存在违规']);
  });

  it('renders the official sentence, with a modifier clause after it', () => {
    expect(registry.render(rule, site(2))).toBe('按时报送绩效自评报告的，得2分；否则得0分。');
    expect(registry.render(like({ exempt: { when: { fact: '存在违规', operator: 'equal', value: false }, text: '不需报送的直接得分。' } }), site(2))).toBe(
      '按时报送绩效自评报告的，得2分；否则得0分。不需报送的直接得分。',
    );
  });

  it('diffs: its own comparisons, the common ones, and the kind change named by its Chinese name', () => {
    const newer: PassFailRule = { ...rule, text: '按时报送绩效自评报告和佐证材料', failScore: 0.5 };
    const ctx: DiffCtx = { a: doc, b: scheme(newer), da: buildDecls(doc), db: buildDecls(scheme(newer)), out: [] };
    const place = { label: '自评报告报送', indicator: 'report', pa: '/indicators/0/rule', pb: '/indicators/0/rule' };
    diffRuleWith(registry, ctx, place, rule, newer);
    expect(ctx.out.map((c) => [c.kind, c.pathAfter])).toEqual([
      ['pass-fail-changed', '/indicators/0/rule/text'],
      ['pass-fail-changed', '/indicators/0/rule/failScore'],
    ]);
    expect(ctx.out[1]!.message).toBe('自评报告报送：未达标得分 0分 → 0.5分');
    ctx.out.length = 0;
    diffRuleWith(registry, ctx, place, { kind: 'judgement' }, rule);
    expect(ctx.out.map((c) => c.message)).toEqual(['自评报告报送：计分方式 酌情评分 → 达标计分']);
  });

  it('gives the editor its name, example and a template that the extended format accepts', () => {
    expect(registry.name('passFail')).toBe('达标计分');
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schemeJsonSchema(kinds));
    expect(validate(scheme(passFail.template('按时报送', 2)))).toBe(true);
  });
});
