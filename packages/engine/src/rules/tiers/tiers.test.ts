/**
 * 分档计分 (tiers), incl. tiers on a computed metric and the descending phrasing of the official text.
 */
import { describe, expect, it } from 'vitest';
import { criterionMatches, renderCriterion, validateScheme, type TiersRule } from '../../index.ts';
import { input, leafScheme, leafScore, metric, mustScore, node, norm } from '../../../test/fixtures/build.ts';

// Seed 000 公众或服务对象满意度 (6分): "1. 满意度≥95%的，得6分； 2. 90%≤满意度<95%的，得4分；
// 3. 80%≤满意度<90%的，得2分； 4. 满意度<80%的，得1分。"
const satisfaction: TiersRule = {
  kind: 'tiers',
  metric: '满意度',
  tiers: [
    { min: 0.95, minInclusive: true, score: 6 },
    { min: 0.9, minInclusive: true, max: 0.95, maxInclusive: false, score: 4 },
    { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, score: 2 },
    { max: 0.8, maxInclusive: false, score: 1 },
  ],
};
const satisfactionScheme = leafScheme({ rule: satisfaction, points: 6, inputs: [input.percent('满意度', { min: 0, max: 1 })] });

describe('tiers (分档计分)', () => {
  it.each([
    ['1', '6'], // 100% ≥ 95% → 第1档
    ['0.95', '6'], // exactly 95%: "满意度≥95%" includes it
    ['0.9499', '4'], // just below 95% → 90%≤x<95%
    ['0.9', '4'], // exactly 90% belongs to the second tier, not the third
    ['0.8999', '2'],
    ['0.8', '2'], // exactly 80% → 80%≤x<90%
    ['0.7999', '1'], // <80%
    ['0', '1'],
  ])('满意度 %s scores %s', (x, expected) => {
    expect(leafScore(satisfactionScheme, { 满意度: x })).toBe(expected);
  });

  it('a percent bound written in percent points (95 for 95%) is an error naming the tier and its path', () => {
    const tiers: TiersRule['tiers'] = [
      { min: 95, minInclusive: true, score: 6 },
      { min: 90, minInclusive: true, max: 95, maxInclusive: false, score: 4 },
      { min: 80, minInclusive: true, max: 90, maxInclusive: false, score: 2 },
      { max: 80, maxInclusive: false, score: 1 },
    ];
    const scaled = leafScheme({ rule: { ...satisfaction, tiers }, points: 6, inputs: [input.percent('满意度')] });
    const errors = validateScheme(scaled).filter((i) => i.code === 'percent-scale');
    // tier 1 min 95; tier 2 min 90, max 95; tier 3 min 80, max 90; tier 4 max 80
    expect(errors.map((i) => i.path)).toEqual([0, 1, 1, 2, 2, 3].map((t, n) => `/indicators/0/children/0/rule/tiers/${t}/${['min', 'min', 'max', 'min', 'max', 'max'][n]}`));
    expect(errors[0]).toMatchObject({ severity: 'error', indicator: 'leaf' });
    expect(errors[0]!.message).toContain('95 即 9500%');
    // 10 (1000%) is still taken as a fraction: a bound of 200% is written 2
    expect(validateScheme(leafScheme({ rule: { kind: 'tiers', metric: '满意度', tiers: [{ max: 10, maxInclusive: true, score: 6 }, { min: 10, minInclusive: false, score: 0 }] }, points: 6, inputs: [input.percent('满意度')] })).filter((i) => i.code === 'percent-scale')).toEqual([]);
  });

  it('explains the branch taken with the interval in the official phrasing', () => {
    const leaf = node(mustScore(satisfactionScheme, { 满意度: '93.14%' }), 'leaf');
    expect(leaf.trace?.kind).toBe('tiers');
    expect(leaf.trace?.branch).toBe('第2档：90%≤满意度<95%，得4分');
    expect(leaf.trace?.inputs).toEqual([{ id: '满意度', label: '满意度', value: '0.9314', display: '93.14%', origin: 'fact' }]);
  });

  it('renders the seed criterion', () => {
    const rendered = renderCriterion(satisfactionScheme, 'leaf');
    expect(rendered).toBe('1. 满意度≥95%的，得6分；2. 90%≤满意度<95%的，得4分；3. 80%≤满意度<90%的，得2分；4. 满意度<80%的，得1分。');
  });

  // Seed 000 编外人员控制率 (1分): "1. 比率<5%的,得1分; 2. 5%≤比率≤10%的,得0.5分; 3. 比率>10%的,得0分。"
  // Both ends of the middle tier are inclusive.
  it('honours inclusive upper bounds (5%≤比率≤10%)', () => {
    const doc = leafScheme({
      points: 1,
      inputs: [input.count('编外人员数'), input.count('在编人数')],
      metrics: [metric('编外人员控制率', '编外人员数 / (在编人数 + 编外人员数)')],
      rule: {
        kind: 'tiers',
        metric: '编外人员控制率',
        tiers: [
          { max: 0.05, maxInclusive: false, score: 1 },
          { min: 0.05, minInclusive: true, max: 0.1, maxInclusive: true, score: 0.5 },
          { min: 0.1, minInclusive: false, score: 0 },
        ],
      },
    });
    expect(leafScore(doc, { 编外人员数: 4, 在编人数: 96 })).toBe('1'); // 4/100 = 4% < 5%
    expect(leafScore(doc, { 编外人员数: 5, 在编人数: 95 })).toBe('0.5'); // 5/100 = 5%
    expect(leafScore(doc, { 编外人员数: 10, 在编人数: 90 })).toBe('0.5'); // 10/100 = 10%, ≤10% inclusive
    expect(leafScore(doc, { 编外人员数: 11, 在编人数: 89 })).toBe('0'); // 11/100 = 11% > 10%
  });
});

describe('tiers on a computed metric (固定资产利用率)', () => {
  // Seed 000 固定资产利用率 (1分): "固定资产利用率=（实际在用固定资产总额/所有固定资产总额）×100% 1. 固定资产利用率≥90%的,得1分;
  // 2. 90%>固定资产利用率≥75%的,得0.7分; 3. 75%>固定资产利用率≥60%的,得0.4分; 4. 固定资产利用率<60%的,得0分。"
  const official =
    '固定资产利用率=（实际在用固定资产总额/所有固定资产总额）×100% 1. 固定资产利用率≥90%的,得1分; 2. 90%>固定资产利用率≥75%的,得0.7分; 3. 75%>固定资产利用率≥60%的,得0.4分; 4. 固定资产利用率<60%的,得0分。';
  const doc = leafScheme({
    points: 1,
    criterion: official,
    inputs: [input.money('固定资产总额'), input.money('实际在用固定资产总额')],
    metrics: [metric('固定资产利用率', '实际在用固定资产总额 / 固定资产总额')],
    rule: {
      kind: 'tiers',
      metric: '固定资产利用率',
      render: { style: 'descending', before: '固定资产利用率=（实际在用固定资产总额/所有固定资产总额）×100% ' },
      tiers: [
        { min: 0.9, minInclusive: true, score: 1 },
        { min: 0.75, minInclusive: true, max: 0.9, maxInclusive: false, score: 0.7 },
        { min: 0.6, minInclusive: true, max: 0.75, maxInclusive: false, score: 0.4 },
        { max: 0.6, maxInclusive: false, score: 0 },
      ],
    },
  });

  it('scores the seed figures: 1,511.77 万元 of 1,511.77 万元 in use = 100% → 1分', () => {
    const leaf = node(mustScore(doc, { 固定资产总额: '1,511.77', 实际在用固定资产总额: '1,511.77' }), 'leaf');
    expect(norm(leaf.score)).toBe('1');
    // the metric's derivation is part of the trace, read before the metric itself
    expect(leaf.trace?.inputs.map((i) => i.id)).toEqual(['实际在用固定资产总额', '固定资产总额', '固定资产利用率']);
    expect(leaf.trace?.inputs[2]).toMatchObject({ value: '1', origin: 'metric' });
  });

  it.each([
    [90, 100, '1'], // 90% → ≥90%
    [89.99, 100, '0.7'], // 89.99% → 90%>x≥75%
    [75, 100, '0.7'], // 75% → second tier (75% inclusive)
    [74.99, 100, '0.4'],
    [60, 100, '0.4'], // 60% inclusive
    [59.99, 100, '0'],
  ])('在用 %s / 总额 %s scores %s', (used, total, expected) => {
    expect(leafScore(doc, { 固定资产总额: total, 实际在用固定资产总额: used })).toBe(expected);
  });

  it('renders in the descending phrasing (90%>固定资产利用率≥75%) and matches the official text', () => {
    expect(renderCriterion(doc, 'leaf')).toBe(
      '固定资产利用率=（实际在用固定资产总额/所有固定资产总额）×100% 1. 固定资产利用率≥90%的，得1分；2. 90%>固定资产利用率≥75%的，得0.7分；3. 75%>固定资产利用率≥60%的，得0.4分；4. 固定资产利用率<60%的，得0分。',
    );
    expect(criterionMatches(doc, 'leaf')?.match).toBe(true);
  });

  it('names the branch in the descending phrasing too', () => {
    const leaf = node(mustScore(doc, { 固定资产总额: 100, 实际在用固定资产总额: 80 }), 'leaf');
    expect(leaf.trace?.branch).toBe('第2档：90%>固定资产利用率≥75%，得0.7分');
  });
});

// The `dash` style, from 岳阳市部门整体支出绩效评价评分表: "重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;
// 60%(含)-70%,计2分;低于60%不得分。" and "预算调整率=0,计3分;0-10%(含),计2分;10-20%(含),计1分;20-30%(含),计0.5分;
// 大于30%不得分。" — on hand-made tiers of the same shapes (other figures, so the test is not the scheme's copy).
describe('tiers in the dash style (80%（含）-90%，计4分；…；低于60%不得分)', () => {
  const dash = (tiers: TiersRule['tiers'], points: number, extra: Partial<TiersRule> = {}) =>
    leafScheme({ rule: { kind: 'tiers', metric: '完成率', tiers, render: { style: 'dash' }, ...extra }, points, inputs: [input.percent('完成率', { min: 0, max: 1 })] });
  const fromTop: TiersRule['tiers'] = [
    { min: 0.95, minInclusive: true, score: 4 },
    { min: 0.85, minInclusive: true, max: 0.95, maxInclusive: false, score: 2.5 },
    { max: 0.85, maxInclusive: false, score: 0 },
  ];
  const fromTopScheme = dash(fromTop, 4);

  it('first tier with the subject and a sign, an included lower end marked （含）, an open low end in words, 0 as 不得分', () => {
    expect(renderCriterion(fromTopScheme, 'leaf')).toBe('完成率≥95%，计4分；85%（含）-95%，计2.5分；低于85%不得分。');
  });

  it('a point tier is "=0" (zero bare), an included upper end carries （含） and the lower bound shares its unit, an open high end reads 大于', () => {
    const doc = dash(
      [
        { min: 0, minInclusive: true, max: 0, maxInclusive: true, score: 2 },
        { min: 0, minInclusive: false, max: 0.05, maxInclusive: true, score: 1.5 },
        { min: 0.05, minInclusive: false, max: 0.15, maxInclusive: true, score: 1 },
        { min: 0.15, minInclusive: false, score: 0 },
      ],
      2,
    );
    expect(renderCriterion(doc, 'leaf')).toBe('完成率=0，计2分；0-5%（含），计1.5分；5-15%（含），计1分；大于15%不得分。');
  });

  it('open ends with included bounds read 及以上 / 及以下; a first tier open below keeps the subject and a sign', () => {
    const doc = dash(
      [
        { max: 0.3, maxInclusive: true, score: 3 },
        { min: 0.3, minInclusive: false, max: 0.6, maxInclusive: false, score: 2 },
        { min: 0.6, minInclusive: true, score: 1 },
      ],
      3,
    );
    // (0.3, 0.6): neither end included → no （含）, the lower bound shares the unit: "30-60%"
    expect(renderCriterion(doc, 'leaf')).toBe('完成率≤30%，计3分；30-60%，计2分；60%及以上，计1分。');
  });

  it('keeps before/after prose and scores exactly as the other styles (the style only changes the words)', () => {
    const doc = dash(fromTop, 4, { render: { style: 'dash', before: '以95%为标准。' } });
    expect(renderCriterion(doc, 'leaf')).toBe('以95%为标准。完成率≥95%，计4分；85%（含）-95%，计2.5分；低于85%不得分。');
    // 95% → 4; 85% (included) → 2.5; 84.99% → 0
    expect(leafScore(doc, { 完成率: '95%' })).toBe('4');
    expect(leafScore(doc, { 完成率: '85%' })).toBe('2.5');
    expect(leafScore(doc, { 完成率: '84.99%' })).toBe('0');
  });

  it('a criterion written in the dash wording matches its rendering', () => {
    const withText = leafScheme({
      criterion: '完成率≥95%,计4分;85%(含)-95%,计2.5分;低于85%不得分。',
      rule: { kind: 'tiers', metric: '完成率', tiers: fromTop, render: { style: 'dash' } },
      points: 4,
      inputs: [input.percent('完成率', { min: 0, max: 1 })],
    });
    expect(criterionMatches(withText, 'leaf')?.match).toBe(true);
  });
});

describe('a bound that is not a number (a draft holding what was typed, e.g. "abc")', () => {
  // seed 000 满意度 as above, 第2档下限 typed "abc": the rule does not mean "满意度<95%" nor "为任意值"
  const typed = (side: 'min' | 'max', tier: number, value: unknown, style?: 'ascending' | 'descending' | 'dash'): string | null => {
    const tiers = structuredClone(satisfaction.tiers) as Record<string, unknown>[];
    tiers[tier]![side] = value;
    const rule = { ...satisfaction, tiers, ...(style ? { render: { style } } : {}) } as unknown as TiersRule;
    return renderCriterion(leafScheme({ rule, points: 6, inputs: [input.percent('满意度', { min: 0, max: 1 })] }), 'leaf');
  };

  it('is written as typed, in its place, and marked — the other tiers as before; the schema error is still there', () => {
    const text = typed('min', 1, 'abc')!;
    expect(text).toContain('2. “abc”≤满意度<95%（下限“abc”不是数字）的，得4分；');
    expect(text).toContain('1. 满意度≥95%的，得6分；');
    expect(text).toContain('3. 80%≤满意度<90%的，得2分；');
    expect(text).not.toContain('为任意值');
    const tiers = structuredClone(satisfaction.tiers) as Record<string, unknown>[];
    tiers[1]!['min'] = 'abc';
    const scheme = leafScheme({ rule: { ...satisfaction, tiers } as unknown as TiersRule, points: 6, inputs: [input.percent('满意度', { min: 0, max: 1 })] });
    expect(validateScheme(scheme).filter((i) => i.severity === 'error').map((i) => i.path)).toEqual(['/indicators/0/children/0/rule/tiers/1/min']);
  });

  it('a one-sided tier whose only bound is unreadable is not “为任意值”; an upper bound is marked 上限', () => {
    // 第1档 has only a lower bound (≥95%)
    expect(typed('min', 0, 'abc')).toContain('1. 满意度≥“abc”（下限“abc”不是数字）的，得6分；');
    // 第4档 has only an upper bound (<80%); "1e400" is no number the engine reads either
    expect(typed('max', 3, '1e400')).toContain('4. 满意度<“1e400”（上限“1e400”不是数字）的，得1分。');
  });

  it('in the descending and dash styles too', () => {
    expect(typed('min', 1, 'abc', 'descending')).toContain('95%>满意度≥“abc”（下限“abc”不是数字）的，得4分；');
    const dash = typed('min', 1, 'abc', 'dash')!;
    expect(dash).toContain('“abc”≤满意度<95%（下限“abc”不是数字），计4分；');
    expect(dash).not.toContain('为任意值');
  });
});
