/**
 * The rule-kind registry is the one list: the scheme format, the ajv per-kind validation, the kind names
 * every face shows, the change kinds of the diff and the editor's templates all come from it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messageDef } from '../errors/catalogue.ts';
import { schemeJsonSchema } from '../format/json-schema.ts';
import { CHANGE_KINDS, RULE_KIND_ZH, validateScheme, type Input, type Scheme } from '../index.ts';
import { RULES, RULE_KIND_LIST, createRegistry } from './registry.ts';
import { schemaName } from './kind.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('rule-kind registry', () => {
  it('one name per kind, in the field’s official wording (the names issue 9 unified)', () => {
    // written out here, not read from the code: the three tables that disagreed now agree on these
    expect(RULE_KIND_ZH).toEqual({
      tiers: '分档计分',
      options: '枚举分档',
      ratio: '比率×分值',
      formula: '公式计分',
      sum: '分项合计',
      checklist: '评分要点',
      deduction: '扣分（扣完为止）',
      linearPenalty: '线性扣分',
      judgement: '酌情评分',
      targets: '年度绩效指标行',
      completion: '按完成比例计分',
      choice: '择一考核',
      cases: '条件计分',
      experts: '专家评分',
      milestones: '时间节点',
      bands: '引用共用分档表',
      deptTargets: '部门绩效目标行',
    });
    for (const k of RULE_KIND_LIST) {
      expect(k.names.en, k.kind).toMatch(/^[a-z]/);
      expect(k.names.example, k.kind).not.toBe('');
    }
  });

  it('the scheme’s JSON Schema has one definition per kind and a Rule union of exactly those, in order', () => {
    const schema = schemeJsonSchema() as { $defs: Record<string, { anyOf?: { $ref: string }[]; properties?: { kind?: { const?: string } } }> };
    expect(schema.$defs.Rule!.anyOf!.map((r) => r.$ref)).toEqual(RULE_KIND_LIST.map((k) => `#/$defs/${schemaName(k.kind)}`));
    for (const k of RULE_KIND_LIST) expect(schema.$defs[schemaName(k.kind)]!.properties!.kind!.const).toBe(k.kind);
    expect(schemaName('linearPenalty')).toBe('LinearPenaltyRule');
  });

  it('the validator names the registered kinds when a kind is unknown', () => {
    const doc = scheme({ kind: 'tier' }, []);
    const issue = validateScheme(doc).find((i) => i.code === 'unknown-rule-kind');
    expect(issue?.message).toBe(`未知的计分规则类型 kind: "tier"；可用的类型：${RULE_KIND_LIST.map((k) => k.kind).join('、')}`);
  });

  it('every kind’s editor template is a valid rule of the scheme format', () => {
    // a declared fact of the type each kind reads, so the template passes the semantic checks too
    const ref: Record<string, Input> = {
      tiers: { id: 'x', label: 'x', type: 'percent' },
      ratio: { id: 'x', label: 'x', type: 'percent' },
      checklist: { id: 'x', label: 'x', type: 'boolean' },
      deduction: { id: 'x', label: 'x', type: 'count' },
      linearPenalty: { id: 'x', label: 'x', type: 'percent' },
      options: { id: 'x', label: 'x', type: 'enum', options: [{ value: '是', label: '是' }] },
      formula: { id: 'x', label: 'x', type: 'number' },
      targets: { id: 'x', label: 'x', type: 'rows' },
      completion: { id: 'x', label: 'x', type: 'percent' },
      choice: { id: 'x', label: 'x', type: 'enum', options: [{ value: '口径一', label: '口径一' }, { value: '口径二', label: '口径二' }] },
      cases: { id: 'x', label: 'x', type: 'number' },
      milestones: { id: 'x', label: 'x', type: 'text' },
      bands: { id: 'x', label: 'x', type: 'percent' },
      deptTargets: { id: 'x', label: 'x', type: 'rows' },
    };
    for (const k of RULE_KIND_LIST) {
      const input = ref[k.kind];
      const doc = scheme(k.template(input ? 'x' : '', 5), input ? [input] : []);
      expect(validateScheme(doc).filter((i) => i.severity === 'error'), k.kind).toEqual([]);
    }
  });

  it('every kind’s change kinds are change kinds of the diff, with their names', () => {
    for (const k of RULE_KIND_LIST) {
      for (const [code, zh] of Object.entries(k.changes)) expect((CHANGE_KINDS as Record<string, string>)[code], code).toBe(zh);
    }
  });

  it('every kind’s own messages are in the catalogue', () => {
    for (const k of RULE_KIND_LIST) {
      for (const code of Object.keys(k.messages?.defs ?? {})) expect(messageDef(code), code).toBeDefined();
    }
  });

  it('a kind claimed twice is refused', () => {
    expect(() => createRegistry([...RULE_KIND_LIST, RULE_KIND_LIST[0]])).toThrow(/registered twice/);
  });

  it('item counts come from the kinds: modifier clauses continue a kind’s own numbering', () => {
    const rule = { kind: 'checklist', items: [{ id: 'a', text: 'A', points: 1, fact: 'a' }, { id: 'b', text: 'B', points: 1, fact: 'b' }] };
    expect(RULES.itemCount(rule)).toBe(2);
    expect(RULES.itemCount({ kind: 'judgement' })).toBe(0);
    expect(RULES.parts({ kind: 'sum', parts: [{ id: 'p', name: 'P', points: 1, rule: { kind: 'judgement' } }] } as never).map((p) => p.id)).toEqual(['p']);
  });
});

/** Every TypeScript file under rules/ that is not a test. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = dir + f;
    if (statSync(p).isDirectory()) return sources(p + '/');
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('rules/ source', () => {
  it('no rule code makes an issue with literal texts (the deprecated `issue`): messages come from the catalogue', () => {
    const offenders = sources(here).filter((p) => /import\s*\{[^}]*\bissue\b[^}]*\}\s*from\s*'[./]*errors\/issue\.ts'/.test(readFileSync(p, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no rule code imports a value from format/scheme-types.ts (it imports the registry: a cycle)', () => {
    const offenders = sources(here).filter((p) =>
      readFileSync(p, 'utf8')
        .split('\n')
        .some((l) => /^import\s+(?!type\b).*from\s+'[./]*format\/scheme-types\.ts'/.test(l)),
    );
    expect(offenders).toEqual([]);
  });
});

/** A one-leaf scheme (5分) with the given rule and inputs. */
function scheme(rule: unknown, inputs: Input[]): Scheme {
  return {
    id: 't',
    family: 't',
    title: '测试',
    jurisdiction: '测试',
    year: 2021,
    version: '1',
    status: 'draft',
    totalPoints: 5,
    rounding: { places: 2, stages: [] },
    grades: [{ grade: '合格', min: 0, minInclusive: true }],
    inputs,
    indicators: [{ id: 'leaf', name: '测试指标', points: 5, rule: rule as Scheme['indicators'][number]['rule'] }],
    // what the templates of 时间节点 and 引用共用分档表 name (issue 10 items 12, 13)
    calendar: [{ id: '节点1', label: '6月底前', dates: { '2021': '2021-06-30' } }],
    bandTables: [{ id: '完成率分档', name: '完成率分档', bands: [{ min: 0, minInclusive: true, share: 1 }] }],
  };
}
