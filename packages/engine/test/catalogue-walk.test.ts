/**
 * A walk over the whole message catalogue: every code has Chinese and English texts, and renders — with
 * sample params of its own type (one table per module, typed by its entries, so a code added without a
 * sample does not compile) — into sentences without "undefined", "NaN" or "[object Object]". Then the
 * issues the engine really produces for broken schemes and cases render again from code + params into
 * exactly the texts they carry (as after crossing JSON to the editor or the CLI).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueCodes, messageDef, renderIssue, unscoredAt, type Messages, type MessageDef } from '../src/errors/catalogue.ts';
import type { IssueParams } from '../src/errors/issue.ts';
import { shared } from '../src/errors/shared.ts';
import { semanticMessages } from '../src/validate/messages.ts';
import { schemaMessages } from '../src/validate/schema-messages.ts';
import { factMessages } from '../src/facts/messages.ts';
import { formulaMessages } from '../src/formula/messages.ts';
import { versionMessages } from '../src/versions/messages.ts';
import { conditionMessages } from '../src/conditions/messages.ts';
import { caseMessages } from '../src/validate/case.ts';
import { formatVersionMessages } from '../src/format/version-messages.ts';
import { ruleSampleTables } from './fixtures/rule-message-samples.ts';
import { compile, evaluate, validateCase, validateScheme, type Issue } from '../src/index.ts';
import { fixture } from './fixtures/build.ts';

const BAD = /undefined|\bNaN\b|\[object Object\]|Infinity/;
const HAN = /\p{Script=Han}/u;
/** A code-style path in a user's text: reviewer["financial-compliance/spending"], facts['x'], /reviewer/x. */
const CODE_PATH = /\b(reviewer|facts)\s*\[|\/(reviewer|facts)\//;

/** Sample params for every code of one module: at least one each, typed by the code's entry. */
type Samples<D extends Record<string, MessageDef<IssueParams>>> = { [C in keyof D]: (D[C] extends MessageDef<infer P> ? P : never)[] };
const table = <D extends Record<string, MessageDef<IssueParams>>>(m: Messages<D>, samples: Samples<D>) => ({ m, samples });

const cond = { name: '预算执行率', part: false, clause: 'veto', condition: '存在违规支出 greaterThan 95' };
const onFact = { ...cond, fact: '存在违规支出', factLabel: '存在违规支出', type: 'boolean' };
const at = { path: '/indicators/0/children/0/points', label: '分值', property: 'points' };
const tables = [
  table(shared, {
    'percent-scale': [
      { at: 'fact', label: '满意度', fact: 's', value: '95', percent: '9500', fraction: '0.95', max: '100' },
      { at: 'fact', label: '满意度', fact: 's', value: '95', percent: '9500', fraction: '0.95' },
      { at: 'tier', tier: 1, bound: 'min', value: '95', percent: '9500', fraction: '0.95', metric: '满意度', label: '公众或服务对象满意度' },
      { at: 'bound', what: '总分封顶第1段的下限', whatEn: 'totalCap band 1 min', fact: '预算执行率', label: '预算执行率', value: '70', percent: '7000', fraction: '0.7', max: '100' },
      { at: 'bound', what: '目标值', whatEn: 'target', fact: 'r', label: '执行率', value: '95', percent: '9500', fraction: '0.95' },
    ],
    'bound-outside-range': [
      { what: '总分封顶第1段的下限', whatEn: 'totalCap band 1 min', fact: '预算执行率', label: '预算执行率', value: '120%', min: '0%', max: '100%' },
      { what: '目标值', whatEn: 'target', fact: 'n', label: '件数', value: '-1' , min: '0' },
    ],
    'not-a-scheme': [{}, { file: 'schemes/x/cases/2024/a.json' }],
    'not-a-case': [{}, { file: 'schemes/x/2024.json' }],
    internal: [{ error: 'TypeError: x is not a function' }],
    'duplicate-id': [{ id: '满意度', owner: 'input', firstAt: '/inputs/0/id' }, { id: 'p1', owner: 'part' }],
    'fact-type': [
      { at: 'rule', fact: '涉密', type: 'boolean', expected: 'numeric' },
      { at: 'metric-formula', metric: '执行率', metricId: 'rate', fact: '涉密', type: 'boolean' },
      { at: 'metric-run', metric: '执行率', metricId: 'rate', fact: '涉密' },
      { at: 'read', fact: '涉密', label: '涉密部门', expected: 'num' },
    ],
    'undeclared-fact': [{ at: 'rule', fact: 'x' }, { at: 'metric-formula', metric: '执行率', metricId: 'rate', fact: 'x' }, { at: 'run', fact: 'x' }],
    'formula-syntax': [{ reason: '公式无法解析：a +（Unexpected end）', reasonEn: 'formula does not parse: a + (Unexpected end)', metric: '执行率', metricId: 'rate' }, { reason: '公式无法解析', reasonEn: 'does not parse' }],
    'points-mismatch': [{ at: 'children', name: '产出', indicator: 'output', points: '20', sum: '18' }, { at: 'parts', points: '2', sum: '1.5' }, { at: 'items', points: '2', sum: '2.5' }],
    'points-unreachable': [
      { at: 'rule', name: '满意度', indicator: 's', max: '5', points: '6' },
      { at: 'part', name: '公用经费控制率', indicator: 'c', part: '“三公”经费控制率', max: '2', points: '3' },
    ],
    'score-exceeds-points': [
      { at: 'rule', name: '满意度', indicator: 's', max: '7', points: '6' },
      { at: 'amount', what: '封顶分', field: 'cap', amount: '3', points: '2' },
      { at: 'tier', tier: 1, score: '7', points: '6' },
    ],
    'zero-denominator': [{ at: 'metric', metric: '执行率', metricId: 'rate', formula: 'a / b', shown: '1万元 ÷ 0万元' }, { at: 'rule', expression: 'a / b', shown: '1 ÷ 0' }],
  }),
  table(semanticMessages, {
    'points-negative': [{ name: '满意度', indicator: 's' }],
    'calendar-date-invalid': [{ label: '春节前', node: 'spring', year: '2021', date: '2021-02-30' }],
    'calendar-date-year': [{ label: '春节前', node: 'spring', year: '2021', date: '2022-02-11' }],
    'rule-on-parent': [{ name: '产出', indicator: 'o' }],
    'leaf-without-rule': [{ name: '满意度', indicator: 's' }],
    'criterion-stale': [{ name: '满意度', indicator: 's' }],
    'grade-gap': [{ region: '80≤总分<90' }],
    'grade-overlap': [{ region: '80≤总分<90' }],
    'grade-beyond-total': [{ grade: 'A', region: '总分≥90', total: '36' }],
    'total-mismatch': [{ sum: '99', total: '100' }],
    'enum-without-options': [{ label: '公开情况', fact: 'e' }],
    'metric-cycle': [{ cycle: ['a', 'b', 'a'] }],
  }),
  table(caseMessages, {
    'case-no-department': [{}],
  }),
  table(formatVersionMessages, {
    'format-version-newer': [{ kind: 'scheme', version: 2, current: 1 }, { kind: 'case', version: 5, current: 3 }],
    'format-version-invalid': [{ kind: 'case', value: '"1"', current: 1 }],
    'format-upgraded': [
      { kind: 'scheme', from: 1, to: 2, changes: ['备注改名'], changesEn: ['notes renamed'] },
      { kind: 'case', from: 1, to: 2, changes: [], changesEn: [] },
    ],
  }),
  table(schemaMessages, {
    'schema-required': [{ ...at, owner: '指标', missing: 'name', missingLabel: '指标名称' }, { path: '', missing: 'facts' }],
    'schema-additionalProperties': [{ ...at, owner: '计分规则', extra: 'color', allowed: ['kind', 'metric'] }, { path: '', extra: 'x', allowed: [] }],
    'schema-type': [{ ...at, value: 'null', expected: ['number', 'string'] }, { path: '', value: '[]', expected: ['object'] }],
    'schema-number': [{ ...at, value: '"六分"' }],
    'schema-date': [{ ...at, value: '"2021/02/11"' }],
    'schema-points': [{ ...at, value: '"六分"' }],
    'schema-points-percent': [{ ...at, value: '"6%"', number: '6' }],
    'schema-id': [{ ...at, value: '"a b"', problem: 'space' }, { path: '/id', value: '"1a"', problem: 'start', char: '1' }],
    'schema-enum': [{ path: '/status', label: '状态', value: '"done"', allowed: ['draft', 'published'] }],
    'schema-minLength': [{ ...at, limit: 1 }, { ...at, limit: 3 }],
    'schema-maxLength': [{ ...at, limit: 80 }],
    'schema-minimum': [{ ...at, limit: 0, value: '-1', exclusive: false }, { ...at, limit: 0, value: '0', exclusive: true }],
    'schema-maximum': [{ ...at, limit: 10, value: '11', exclusive: false }],
    'schema-minItems': [{ ...at, limit: 1 }],
    'schema-uniqueItems': [{ ...at, first: 1, second: 2 }],
    'schema-dependentRequired': [{ ...at, given: 'min', missing: 'minInclusive', missingLabel: '下限是否包含' }, { path: '/x', given: 'a', missing: 'b' }],
    'schema-union': [{ ...at, forms: '{"all":[…]}' }, { path: '/x' }],
    'schema-invalid': [{ ...at, keyword: 'multipleOf', detail: '应当是 2 的整数倍', detailEn: 'must be multiple of 2' }],
    'rule-not-object': [{ path: '/indicators/0/rule', value: '42' }],
    'unknown-rule-kind': [{ path: '/indicators/0/rule', known: ['tiers', 'ratio'] }, { path: '/indicators/0/rule/kind', kind: '"bonus"', known: ['tiers'] }],
  }),
  table(factMessages, {
    'fact-missing': [{ label: '满意度', fact: 's', given: true }, { label: '满意度', fact: 's', given: false }],
    'fact-not-number': [{ label: '满意度', fact: 's', value: '"九成"' }],
    'fact-percent-sign': [{ label: '预算', fact: 'b', type: 'money', unit: '万元', value: '"50%"' }, { label: '人数', fact: 'n', type: 'count', value: '"5%"' }],
    'fact-count': [{ label: '项数', fact: 'c', value: '1.5' }],
    'fact-negative': [{ label: '预算', fact: 'b', value: '-3', unit: '万元' }],
    'fact-range': [{ label: '满意度', fact: 's', bound: 'max', value: '1.2', limit: '1' }, { label: '满意度', fact: 's', bound: 'max', value: '150', limit: '100', percent: true }, { label: '增长', fact: 'g', bound: 'limit', value: '1e16' }],
    'fact-not-boolean': [{ label: '涉密', fact: 'f', value: '"对"' }],
    'fact-enum': [{ label: '公开情况', fact: 'e', allowed: ['甲', '乙'], value: '"丁"' }],
    'fact-not-text': [{ label: '说明', fact: 't', value: '3' }],
    'fact-rows': [
      { label: '指标行', fact: 'rows', problem: 'not-array' },
      { label: '指标行', fact: 'rows', problem: 'not-object', row: 2 },
      { label: '指标行', fact: 'rows', problem: 'text', row: 1, field: 'target' },
      { label: '指标行', fact: 'rows', problem: 'points', row: 3 },
    ],
    'facts-missing': [{}],
    'reviewer-entry': [{ key: 'effect', value: '5' }],
    'reviewer-unknown-key': [{ key: 'nothing' }],
  }),
  table(formulaMessages, {
    'formula-round': [{ places: '2.5' }],
    'formula-enum-value': [{ formula: '(考核口径 == "余额") * 20', fact: '考核口径', label: '结转结余考核口径', value: '余额', allowed: ['结转结余率', '结转结余变动率'] }],
    'formula-power': [{ base: '2', exponent: '0.5' }],
    'formula-mixed-types': [
      { formula: '实际采购金额 + 在编人数', metric: '政府采购执行率', a: '实际采购金额', aLabel: '实际采购金额', aType: 'money', b: '在编人数', bLabel: '在编人数', bType: 'count' },
      { formula: 'a - b', a: 'a', aLabel: '预算', aType: 'money', b: 'b', bLabel: '支出', bType: 'money', unit: '元', otherUnit: '万元' },
    ],
  }),
  table(conditionMessages, {
    'condition-undeclared-fact': [{ ...cond, fact: '存在违规' }],
    'condition-operator-unknown': [{ ...onFact, operator: 'greaterThanFoo', allowed: ['equal', 'notEqual'] }],
    'condition-operator-type': [{ ...onFact, operator: 'greaterThan', allowed: ['equal', 'notEqual'] }, { ...onFact, type: 'rows', operator: 'equal', allowed: [] }],
    'condition-value-not-list': [{ ...onFact, operator: 'in', value: 'true' }],
    'condition-value-empty-list': [{ ...onFact, operator: 'in' }, { ...onFact, operator: 'notIn' }],
    'condition-value-list-unexpected': [{ ...onFact, operator: 'equal', value: '[true, false]' }],
    'condition-value-type': [{ ...onFact, type: 'percent', value: '"九成"' }],
    'condition-value-option': [{ ...onFact, type: 'enum', value: '"部分"', options: ['公开', '未公开'] }],
    'condition-percent-scale': [{ ...onFact, type: 'percent', value: '95', percent: '9500', fraction: '0.95' }],
    'condition-facts-incomparable': [
      { ...onFact, type: 'percent', other: '项目数', otherLabel: '项目数', otherType: 'count' },
      { ...onFact, type: 'money', other: '预算', otherLabel: '预算', otherType: 'money', unit: '元', otherUnit: '万元' },
    ],
  }),
  table(versionMessages, {
    'already-published': [{}],
    'bad-time': [{ time: 'Invalid Date' }],
    'publish-invalid': [{ errors: 3 }],
    'published-without-hash': [{}],
    'published-modified': [{ recorded: 'sha256:0123456789abcdef0123', actual: 'sha256:fedcba98765432100123' }],
    'published-without-time': [{}],
    'draft-has-publish-fields': [{}],
    'baseline-changed': [{ base: 2024 }],
    'bad-year': [{ year: '20x5' }],
    'same-year': [{ year: 2025 }],
    'base-modified': [{ base: 2024 }],
    'earlier-year': [{ year: 2023, base: 2024 }],
    'based-on-draft': [{ base: 2024 }],
    'calendar-date-needed': [
      { id: '春节前', label: '春节前', year: 2021, base: 2020, baseDate: '2020-01-24' },
      { id: '春节前', label: '春节前', year: 2021, base: 2020, baseDate: null },
    ],
    'calendar-date-carried': [{ id: '六月底前', label: '6月底前', year: 2021, date: '2021-06-30' }],
  }),
];

describe('the message catalogue, walked', () => {
  const sampled = new Map<string, IssueParams[]>();
  for (const { samples } of [...tables, ...ruleSampleTables]) for (const [code, list] of Object.entries(samples as Record<string, IssueParams[]>)) sampled.set(code, list);

  it('every code has Chinese and English texts', () => {
    const codes = catalogueCodes().filter((c) => !c.startsWith('test-'));
    expect(codes.length).toBeGreaterThan(60);
    for (const code of codes) {
      const def = messageDef(code)!;
      expect(typeof def.zh, code).toBe('function');
      expect(typeof def.en, code).toBe('function');
    }
  });

  it('every code of the catalogue has sample params here (a code of another module: add its table above)', () => {
    const missing = catalogueCodes().filter((c) => !c.startsWith('test-') && !sampled.has(c));
    expect(missing, `codes without sample params: ${missing.join(', ')}`).toEqual([]);
  });

  it('every sample renders into a Chinese and an English sentence, with no undefined, NaN or [object Object]', () => {
    for (const { m, samples } of tables) {
      for (const [code, list] of Object.entries(samples as Record<string, IssueParams[]>)) {
        expect(list.length, code).toBeGreaterThan(0);
        for (const params of list) {
          const i = (m as Messages<Record<string, MessageDef<IssueParams>>>).issue(code, params, { path: '/x', indicator: 'i' });
          expect(i.message, `${code} zh`).toMatch(HAN);
          expect(i.message, `${code} zh`).not.toMatch(BAD);
          // the Chinese names an indicator by its name, never by a code path (that is the issue's path)
          expect(i.message, `${code} zh`).not.toMatch(CODE_PATH);
          expect(i.messageEn, `${code} en`).toMatch(/[a-z]/);
          expect(i.messageEn, `${code} en`).not.toMatch(BAD);
          expect(renderIssue(JSON.parse(JSON.stringify(i))), code).toEqual({ zh: i.message, en: i.messageEn });
          const unscored = unscoredAt(i, '满意度');
          expect(unscored.message).toBe(`指标“满意度”无法计分：${i.message}`);
          expect(renderIssue(JSON.parse(JSON.stringify(unscored)))).toEqual({ zh: unscored.message, en: unscored.messageEn });
        }
      }
    }
  });
});

describe('issues the engine produces render again from code and params', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break documents in ways the types forbid
  type Loose = Record<string, any>;
  const mini = () => fixture<Loose>('mini-scheme.json');
  const breakages: [string, (d: Loose) => void][] = [
    ['a schema error in a rule', (d) => (d.indicators[0].children[0].rule.tiers[0].score = '六分')],
    ['semantic errors', (d) => ((d.indicators[0].points = 21), (d.inputs[1].id = '满意度'), (d.metrics[0].formula = '实际采购金额 / 未声明'))],
    ['a stale criterion and a grade gap', (d) => ((d.indicators[0].children[0].criterion = '旧文字'), (d.grades[1].min = 11))],
  ];

  it.each(breakages)('%s', (_what, breakIt) => {
    const d = mini();
    breakIt(d);
    const issues = validateScheme(d);
    expect(issues.length).toBeGreaterThan(0);
    expectReRendered(issues);
  });

  it('a case that cannot be scored: each fact and the unscored leaf', () => {
    const c = compile(mini());
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const r = evaluate(c.compiled, { facts: { 满意度: 95, 实际采购金额: '五万', 采购计划金额: 0, 不符合项数: 1.5, 涉密: '对', 预算公开: '丁' }, reviewer: { effect: 3, nothing: { score: 1, reason: 'x' } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['percent-scale', 'fact-not-number', 'fact-count', 'fact-not-boolean', 'fact-enum', 'reviewer-entry', 'reviewer-unknown-key']));
    expectReRendered(r.issues);
  });

  it('a broken case document', () => {
    expectReRendered(validateCase({ id: 'x y', name: '', year: '2021', scheme: { id: 'mini' }, facts: { a: { value: 1, src: 2 } } }));
  });

  it('a bundled scheme has no error (the walk is not all noise)', () => {
    const doc = JSON.parse(readFileSync(new URL('../../../schemes/shenzhen-department/2024.json', import.meta.url), 'utf8')) as unknown;
    expect(validateScheme(doc).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

/**
 * Every issue with params re-renders to its own texts. Issues without params still come from the deprecated
 * `issue()` in rules/ and conditions/ (being converted on their own branches); at least one must be checked.
 */
function expectReRendered(issues: Issue[]) {
  const withParams = issues.filter((i) => i.params);
  expect(withParams.length).toBeGreaterThan(0);
  for (const i of issues) expect(`${i.message} ${i.messageEn}`).not.toMatch(BAD);
  for (const i of withParams) {
    expect(messageDef(i.code), i.code).toBeDefined();
    expect(`${i.message} ${i.messageEn}`).not.toMatch(BAD);
    expect(renderIssue(JSON.parse(JSON.stringify(i))), i.code).toEqual({ zh: i.message, en: i.messageEn });
  }
}
