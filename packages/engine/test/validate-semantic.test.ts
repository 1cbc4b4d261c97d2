/**
 * Semantic validation beyond the JSON Schema: each problem names the indicator and the JSON path, and
 * says in Chinese what is wrong (which interval is uncovered, which points do not add up).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, validateScheme, type Indicator, type Issue, type Scheme, type TiersRule } from '../src/index.ts';
import { GRADES_100, input, leafScheme, metric } from './fixtures/build.ts';

const judge = { kind: 'judgement' as const };
/** The shape of seed 000's table (部门决策 20 / 部门管理 20 / 部门绩效 60), judgement leaves. */
function seedShaped(): Scheme {
  return {
    id: 'shape',
    family: 'shape',
    title: '部门整体支出绩效评价',
    jurisdiction: '测试',
    year: 2021,
    version: '1',
    status: 'draft',
    totalPoints: 100,
    rounding: { places: 2, mode: 'half-up', stages: ['leaf'] },
    grades: structuredClone(GRADES_100),
    inputs: [],
    indicators: [
      {
        id: 'decision',
        name: '部门决策',
        points: 20,
        children: [
          {
            id: 'budget-preparation',
            name: '预算编制',
            points: 10,
            children: [
              { id: 'budget-rationality', name: '预算编制合理性', points: 5, rule: judge },
              { id: 'budget-compliance', name: '预算编制规范性', points: 5, rule: judge },
            ],
          },
          {
            id: 'target-setting',
            name: '目标设置',
            points: 10,
            children: [
              { id: 'target-completeness', name: '绩效目标完整性', points: 3, rule: judge },
              { id: 'indicator-clarity', name: '绩效指标明确性', points: 7, rule: judge },
            ],
          },
        ],
      },
      { id: 'management', name: '部门管理', points: 20, rule: judge },
      { id: 'performance', name: '部门绩效', points: 60, rule: judge },
    ],
  };
}
const errors = (doc: unknown) => validateScheme(doc).filter((i) => i.severity === 'error');
const one = (issues: Issue[], code: string) => {
  const hits = issues.filter((i) => i.code === code);
  expect(hits, `issues with code ${code}: ${JSON.stringify(issues, null, 1)}`).toHaveLength(1);
  return hits[0]!;
};

describe('a well-formed scheme', () => {
  it('has no issues and compiles', () => {
    expect(validateScheme(seedShaped())).toEqual([]);
    expect(compile(seedShaped()).ok).toBe(true);
  });
});

describe('points', () => {
  it("children's points not adding up to the parent's: 目标设置 10 but 3 + 6 = 9", () => {
    const doc = seedShaped();
    doc.indicators[0]!.children![1]!.children![1]!.points = 6;
    const i = one(errors(doc), 'points-mismatch');
    expect(i).toMatchObject({ indicator: 'target-setting', path: '/indicators/0/children/1/points' });
    expect(i.message).toContain('目标设置');
    expect(i.message).toContain('10');
    expect(i.message).toContain('9');
  });

  it('top-level points not adding up to totalPoints: 20 + 20 + 60 = 100 ≠ 90', () => {
    const doc = seedShaped();
    doc.totalPoints = 90;
    const i = one(errors(doc), 'total-mismatch');
    expect(i.path).toBe('/totalPoints');
    expect(i.message).toContain('100');
    expect(i.message).toContain('90');
  });

  it('a total other than 100 is fine when the document declares it', () => {
    const doc = seedShaped();
    doc.indicators[2]!.points = 50;
    doc.totalPoints = 90;
    doc.grades = [{ grade: '合格', min: 0, minInclusive: true }];
    expect(errors(doc)).toEqual([]);
  });

  it('negative points', () => {
    const doc = seedShaped();
    doc.indicators[0]!.children![0]!.children![0]!.points = -5;
    doc.indicators[0]!.children![0]!.children![1]!.points = 15;
    expect(one(errors(doc), 'points-negative')).toMatchObject({ indicator: 'budget-rationality', path: '/indicators/0/children/0/children/0/points' });
  });
});

describe('tree shape', () => {
  it('a leaf without a rule, and a parent with a rule', () => {
    const doc = seedShaped();
    delete doc.indicators[1]!.rule;
    (doc.indicators[0] as Indicator).rule = judge;
    const es = errors(doc);
    expect(one(es, 'leaf-without-rule')).toMatchObject({ indicator: 'management', path: '/indicators/1' });
    expect(one(es, 'rule-on-parent')).toMatchObject({ indicator: 'decision', path: '/indicators/0/rule' });
  });

  it('duplicate ids, with where the first one is', () => {
    const doc = seedShaped();
    doc.indicators[0]!.children![1]!.children![0]!.id = 'budget-rationality';
    const i = one(errors(doc), 'duplicate-id');
    expect(i.path).toBe('/indicators/0/children/1/children/0/id');
    expect(i.message).toContain('budget-rationality');
    expect(i.message).toContain('/indicators/0/children/0/children/0/id');
  });

  it('an input and a metric with the same id', () => {
    const doc = leafScheme({ points: 1, inputs: [input.percent('比率')], metrics: [metric('比率', '1')], rule: judge });
    expect(one(errors(doc), 'duplicate-id').path).toBe('/metrics/0/id');
  });
});

describe('tiers coverage', () => {
  // Seed 000 满意度 tiers with a typo: the third tier ends at 89% instead of 90%.
  const tiers = (t: TiersRule['tiers'], max?: number) =>
    leafScheme({ id: 'satisfaction', points: 6, inputs: [input.percent('满意度', max === undefined ? {} : { min: 0, max })], rule: { kind: 'tiers', metric: '满意度', tiers: t } });
  const T1 = { min: 0.95, minInclusive: true, score: 6 };
  const T2 = { min: 0.9, minInclusive: true, max: 0.95, maxInclusive: false, score: 4 };
  const T4 = { max: 0.8, maxInclusive: false, score: 1 };

  it('a gap names the uncovered interval: 89%≤满意度<90%', () => {
    const i = one(errors(tiers([T1, T2, { min: 0.8, minInclusive: true, max: 0.89, maxInclusive: false, score: 2 }, T4])), 'tier-gap');
    expect(i).toMatchObject({ indicator: 'satisfaction' });
    expect(i.path).toMatch(/^\/indicators\/0\/children\/0\/rule\/tiers\/\d$/);
    expect(i.message).toContain('89%≤满意度<90%');
  });

  it('an overlap names the doubly covered value: 满意度=90% in tiers 2 and 3', () => {
    const i = one(errors(tiers([T1, T2, { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: true, score: 2 }, T4])), 'tier-overlap');
    expect(i.message).toContain('满意度=90%');
    expect(i.message).toContain('第2档');
    expect(i.message).toContain('第3档');
  });

  it('an overlap over a range: 85%≤满意度<90% counted twice', () => {
    const i = one(
      errors(tiers([T1, T2, { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, score: 2 }, { max: 0.85, maxInclusive: false, score: 1 }])),
      'tier-overlap',
    );
    expect(i.message).toContain('80%≤满意度<85%');
  });

  it('a missing top tier: over the whole line 满意度≥95% is uncovered; within a declared 0–100% it is 95%≤满意度≤100%', () => {
    expect(one(errors(tiers([T2, { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, score: 2 }, T4])), 'tier-gap').message).toContain('满意度≥95%');
    expect(one(errors(tiers([T2, { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, score: 2 }, { min: 0, minInclusive: true, max: 0.8, maxInclusive: false, score: 1 }], 1)), 'tier-gap').message).toContain(
      '95%≤满意度≤100%',
    );
  });

  it('tiers restricted to a declared domain need not cover beyond it', () => {
    expect(errors(tiers([T1, T2, { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, score: 2 }, { min: 0, minInclusive: true, max: 0.8, maxInclusive: false, score: 1 }], 1))).toEqual([]);
  });

  it('an empty interval (min above max)', () => {
    const es = errors(tiers([T1, T2, { min: 0.9, minInclusive: true, max: 0.8, maxInclusive: false, score: 2 }, { max: 0.9, maxInclusive: false, score: 1 }]));
    expect(one(es, 'tier-empty').path).toBe('/indicators/0/children/0/rule/tiers/2');
  });
});

describe('no rule can award more than its points', () => {
  it('a tier scoring 7 on a 6-point indicator', () => {
    const doc = leafScheme({
      id: 'satisfaction',
      points: 6,
      inputs: [input.percent('满意度')],
      rule: { kind: 'tiers', metric: '满意度', tiers: [{ min: 0.95, minInclusive: true, score: 7 }, { max: 0.95, maxInclusive: false, score: 4 }] },
    });
    expect(one(errors(doc), 'score-exceeds-points')).toMatchObject({ indicator: 'satisfaction', path: '/indicators/0/children/0/rule/tiers/0/score' });
  });

  it('a ratio cap above the points', () => {
    const doc = leafScheme({ points: 1, inputs: [input.percent('比率')], rule: { kind: 'ratio', metric: '比率', multiplier: 1, cap: 2 } });
    const hits = errors(doc).filter((i) => i.code === 'score-exceeds-points');
    expect(hits.map((i) => i.path)).toContain('/indicators/0/children/0/rule/cap');
    expect(hits.find((i) => i.path.endsWith('/cap'))!.message).toContain('封顶分 2 分');
  });

  it('a checklist whose items add up to more than the points', () => {
    const doc = leafScheme({
      points: 2,
      inputs: [input.boolean('甲'), input.boolean('乙')],
      rule: { kind: 'checklist', items: [{ id: 'a', text: '甲', points: 1.5, fact: '甲' }, { id: 'b', text: '乙', points: 1, fact: '乙' }] },
    });
    expect(one(errors(doc), 'points-mismatch').message).toContain('2.5');
  });
});

describe('every rule can award its points (points-unreachable, a warning)', () => {
  // schemes/shenzhen-department/2024.json copied as a draft, as a user would before editing it
  const SZ_2024 = join(dirname(fileURLToPath(import.meta.url)), '../../../schemes/shenzhen-department/2024.json');
  const draft = () => ({ ...(JSON.parse(readFileSync(SZ_2024, 'utf8')) as Scheme), status: 'draft' as const });
  const leaf = (s: Scheme, ...at: number[]) => at.slice(1).reduce((n, i) => n.children![i]!, s.indicators[at[0]!]!);
  const unreachable = (s: Scheme) => validateScheme(s).filter((i) => i.code === 'points-unreachable');

  it('the bundled 2024 scheme as it is: none', () => {
    expect(unreachable(draft())).toEqual([]);
  });

  it('满意度 (分值 6) whose best tier scores 5: the warning names it and its rule, and its most is 5 (seed: ≥95% 得6分)', () => {
    const s = draft();
    const ind = leaf(s, 2, 3, 1);
    expect(ind.points).toBe(6);
    (ind.rule as TiersRule).tiers[0]!.score = 5;
    const hits = unreachable(s);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning', indicator: 'satisfaction', path: '/indicators/2/children/3/children/1/rule' });
    expect(hits[0]!.message).toBe('指标“公众或服务对象满意度”按规则最高只能得5分，低于分值6分');
    // a warning: the scheme still compiles
    expect(validateScheme(s).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('编外人员控制率 (分值 1) whose first tier scores 0.9: most 0.9 < 1', () => {
    const s = draft();
    const ind = leaf(s, 1, 3, 1);
    expect(ind.name).toBe('编外人员控制率');
    (ind.rule as TiersRule).tiers[0]!.score = 0.9;
    expect(one(unreachable(s), 'points-unreachable').message).toBe('指标“编外人员控制率”按规则最高只能得0.9分，低于分值1分');
  });

  it('a 分项合计 whose part can reach 2 of its 3 points: the part is named with its path, and the leaf (most 5 of 6) too', () => {
    const doc = leafScheme({
      id: 'public-expense',
      name: '公用经费控制率',
      points: 6,
      inputs: [input.percent('三公'), input.percent('日常')],
      rule: {
        kind: 'sum',
        parts: [
          { id: 'sg', name: '“三公”经费控制率', points: 3, rule: { kind: 'tiers', metric: '三公', tiers: [{ max: 1, maxInclusive: true, score: 2 }, { min: 1, minInclusive: false, score: 0 }] } },
          { id: 'rc', name: '日常公用经费控制率', points: 3, rule: { kind: 'tiers', metric: '日常', tiers: [{ max: 1, maxInclusive: true, score: 3 }, { min: 1, minInclusive: false, score: 0 }] } },
        ],
      },
    });
    const hits = unreachable(doc);
    const part = hits.find((i) => i.params?.at === 'part');
    expect(part).toMatchObject({ indicator: 'public-expense', path: '/indicators/0/children/0/rule/parts/0/rule' });
    expect(part!.message).toBe('指标“公用经费控制率”的分项““三公”经费控制率”按规则最高只能得2分，低于分值3分');
    // 2 + 3 = 5 < 6
    expect(hits.find((i) => i.params?.at === 'rule')!.message).toBe('指标“公用经费控制率”按规则最高只能得5分，低于分值6分');
  });

  it('a formula rule, whose most is not known before evaluation: no warning', () => {
    const doc = leafScheme({ points: 6, inputs: [input.number('a')], rule: { kind: 'formula', expression: 'a' } });
    expect(unreachable(doc)).toEqual([]);
  });
});

describe('references', () => {
  it('a 分档依据 of the wrong type says the types in Chinese (是/否, 数值型), with no English type name', () => {
    const doc = leafScheme({ points: 6, inputs: [input.boolean('预算编制符合职责和政策')], rule: { kind: 'tiers', metric: '预算编制符合职责和政策', tiers: [{ min: 0.9, minInclusive: true, score: 6 }, { max: 0.9, maxInclusive: false, score: 0 }] } });
    const hit = one(errors(doc), 'fact-type');
    expect(hit.message).toBe('“预算编制符合职责和政策”的类型为是/否，此处需要数值型');
    expect(hit.message).not.toMatch(/[A-Za-z]/);
  });

  it('an undeclared fact in a tiers metric, a veto condition and a checklist item, each named', () => {
    const doc = leafScheme({
      points: 2,
      inputs: [input.boolean('甲')],
      rule: {
        kind: 'sum',
        veto: { when: { fact: '违规', operator: 'equal', value: true }, text: '违规的得0分' },
        parts: [
          { id: 'p1', name: '分项一', points: 1, rule: { kind: 'tiers', metric: '满意度', tiers: [{ score: 1 }] } },
          { id: 'p2', name: '分项二', points: 1, rule: { kind: 'checklist', items: [{ id: 'a', text: '乙', points: 1, fact: '乙' }] } },
        ],
      },
    });
    // a condition's undeclared fact has its own code (its message quotes the condition)
    const undeclared = errors(doc).filter((i) => i.code === 'undeclared-fact' || i.code === 'condition-undeclared-fact');
    expect(undeclared.map((i) => [i.fact, i.path, i.indicator])).toEqual(
      expect.arrayContaining([
        ['满意度', '/indicators/0/children/0/rule/parts/0/rule/metric', 'leaf'],
        ['乙', '/indicators/0/children/0/rule/parts/1/rule/items/0/fact', 'leaf'],
        ['违规', '/indicators/0/children/0/rule/veto/when/fact', 'leaf'],
      ]),
    );
    expect(undeclared).toHaveLength(3);
  });

  it('an undeclared name in a metric formula', () => {
    const doc = leafScheme({ points: 1, inputs: [input.money('实际采购金额')], metrics: [metric('政府采购执行率', '实际采购金额 / 采购计划金额')], rule: { kind: 'ratio', metric: '政府采购执行率', multiplier: 1 } });
    expect(one(errors(doc), 'undeclared-fact')).toMatchObject({ fact: '采购计划金额', path: '/metrics/0/formula' });
  });

  it('a metric cycle: a = b + 1, b = a × 2', () => {
    const doc = leafScheme({ points: 1, metrics: [metric('a', 'b + 1'), metric('b', 'a * 2')], rule: { kind: 'ratio', metric: 'a', multiplier: 1 } });
    const i = one(errors(doc), 'metric-cycle');
    expect(i.message).toContain('a → b → a');
  });

  it('a metric referring to itself', () => {
    const doc = leafScheme({ points: 1, metrics: [metric('a', 'a + 1')], rule: { kind: 'ratio', metric: 'a', multiplier: 1 } });
    expect(one(errors(doc), 'metric-cycle').fact).toBe('a');
  });
});

describe('grade bands', () => {
  it('a gap between 中 (60≤总分<79) and 良 (80≤总分<90): 79≤总分<80 has no grade', () => {
    const doc = seedShaped();
    doc.grades[2] = { grade: '中', min: 60, minInclusive: true, max: 79, maxInclusive: false };
    const i = one(errors(doc), 'grade-gap');
    expect(i.path).toBe('/grades');
    expect(i.message).toContain('79≤总分<80');
  });

  it('no bands at all is a scheme that gives no grade: no gap, no error, no warning at /grades', () => {
    const doc = seedShaped();
    doc.grades = [];
    expect(validateScheme(doc).filter((i) => i.path.startsWith('/grades'))).toEqual([]);
  });

  it('bands meant for 100 points on a scheme of 36 (an excerpt): 优 ≥90, 良 ≥80 and 中 ≥60 can never be given, a warning each', () => {
    const doc = seedShaped();
    // the 岳阳 excerpt's total, 36 (its indicators here still add to 100, an error of its own: only the grade warnings are read)
    doc.totalPoints = 36;
    const issues = validateScheme(doc).filter((i) => i.code === 'grade-beyond-total');
    expect(issues.map((i) => [i.path, i.severity])).toEqual([
      ['/grades/0', 'warning'],
      ['/grades/1', 'warning'],
      ['/grades/2', 'warning'],
    ]);
    expect(issues[0]!.message).toBe('等级“优”的区间（总分≥90）超出方案总分 36 分，任何案例都达不到；百分制的等级区间不适用于其他总分（如节选），可不设等级区间（grades 为空）');
    // 差 (<60) starts at 0: reachable, no warning; at 100 points none is beyond the total
    expect(validateScheme(seedShaped()).filter((i) => i.code === 'grade-beyond-total')).toEqual([]);
  });

  it('an overlap: 良 80≤总分≤90 and 优 ≥90 both hold at 90', () => {
    const doc = seedShaped();
    doc.grades[1] = { grade: '良', min: 80, minInclusive: true, max: 90, maxInclusive: true };
    expect(one(errors(doc), 'grade-overlap').message).toContain('总分=90');
  });
});

describe('compile refuses a scheme with errors and lists them all', () => {
  it('two independent errors both come back', () => {
    const doc = seedShaped();
    doc.totalPoints = 90;
    doc.indicators[0]!.children![1]!.children![1]!.points = 6;
    const r = compile(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code).sort()).toEqual(['points-mismatch', 'total-mismatch']);
  });
});

describe('节点日期 (calendar): a real day, in the year it is given for', () => {
  const yueyang = (): Scheme => JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../schemes/yueyang-whole-expenditure/2020.json'), 'utf8')) as Scheme;
  const withDate = (date: string) => {
    const s = yueyang();
    s.calendar![0]!.dates['2020'] = date;
    return validateScheme(s);
  };
  const codes = (issues: Issue[]) => issues.map((i) => [i.code, i.severity, i.path]);

  it('the 岳阳 scheme as bundled (春节前 2020-01-24, 6月底前 2020-06-30) has no calendar issue', () => {
    expect(validateScheme(yueyang()).filter((i) => i.code.startsWith('calendar') || i.code === 'schema-date')).toEqual([]);
  });

  it('2020-02-30 is no day: an error naming the 节点 and its year', () => {
    const issues = withDate('2020-02-30');
    expect(codes(issues.filter((i) => i.code === 'calendar-date-invalid'))).toEqual([['calendar-date-invalid', 'error', '/calendar/0/dates/2020']]);
    expect(issues.find((i) => i.code === 'calendar-date-invalid')!.message).toBe('节点“春节前”的2020年日期 2020-02-30 不是真实的日期；请写成 2020-MM-DD 形式的实际日期');
    // 2020 is a leap year: 02-29 is a day
    expect(withDate('2020-02-29').filter((i) => i.code.startsWith('calendar'))).toEqual([]);
  });

  it('a date of another year than its column (2021-01-24 for 2020) is a warning to check the year', () => {
    const issues = withDate('2021-01-24');
    expect(codes(issues.filter((i) => i.code.startsWith('calendar')))).toEqual([['calendar-date-year', 'warning', '/calendar/0/dates/2020']]);
  });

  it('a date not written YYYY-MM-DD is said as a date, not as a pattern', () => {
    for (const date of ['2020/01/24', '2020-1-24', '275760-01-21']) {
      const issue = withDate(date).find((i) => i.code === 'schema-date');
      expect(issue, date).toBeDefined();
      expect(issue!.message, date).toContain('应为日期，写成 2021-02-11 的形式');
      expect(issue!.message, date).not.toContain('模式');
      expect(issue!.path).toBe('/calendar/0/dates/2020');
    }
  });
});
