/**
 * 年度绩效指标行 (targets) under 财预〔2020〕10号 and the provinces' overshoot rules: proportional scoring of
 * 正向 and 反向 indicators, overshoot (偏离度), qualitative bands, 一级指标 weights. Numbers by hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type Input, type Scheme, type TargetsRule } from '../../index.ts';
import { evalIssues, leafScheme, mustScore, node, norm } from '../../../test/fixtures/build.ts';

const rowsInput: Input = { id: '指标行', label: '年度绩效指标', type: 'rows' };

// 财预〔2020〕10号 项目支出绩效自评 (as quoted in issue 10)
const QUANTITATIVE = '完成指标值的，记该指标所赋全部分值；对完成值高于指标值较多的，要分析原因，如果是由于年初指标值设定明显偏低造成的，要按照偏离度适度调减分值；未完成指标值的，按照完成值与指标值的比例记分。';
const QUALITATIVE = '定性指标根据指标完成情况分为：达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，分别按照该指标对应分值区间100-80%（含）、80-60%（含）、60-0%合理确定分值。';

const caiyu: TargetsRule = {
  kind: 'targets',
  rowsFact: '指标行',
  policy: { quantitativeMet: 'full', quantitativeNotMet: 'proportional', qualitative: 'bands', notApplicable: 'zero', overshoot: { then: 'judgement' } },
  bands: [
    { label: '达成年度指标', min: '80%', minInclusive: true, max: '100%', maxInclusive: true },
    { label: '部分达成年度指标并具有一定效果', min: '60%', minInclusive: true, max: '80%', maxInclusive: false },
    { label: '未达成年度指标且效果较差', min: 0, minInclusive: true, max: '60%', maxInclusive: false },
  ],
  weights: [
    { name: '产出指标', points: 50 },
    { name: '效益指标', points: 30 },
    { name: '满意度指标', match: ['满意度指标', '服务对象满意度指标'], points: 10, absentTo: '效益指标' },
  ],
  render: { style: 'caiyu-2020' },
};
const scheme = leafScheme({ points: 90, inputs: [rowsInput], rule: caiyu });

type Row = { id: string; level1: string; level2: string; level3: string; target: string; actual: string; points: number; selfScore?: number; band?: string; deviation?: string };
const rows: Row[] = [
  { id: 'r1', level1: '产出指标', level2: '数量指标', level3: '培训人次', target: '≥1000人次', actual: '800人次', points: 20, selfScore: 16 },
  { id: 'r2', level1: '产出指标', level2: '成本指标', level3: '人均培训成本', target: '≤500元', actual: '625元', points: 10, selfScore: 8 },
  { id: 'r3', level1: '产出指标', level2: '时效指标', level3: '培训完成时间', target: '2020年12月31日前', actual: '2020年11月30日', points: 10, selfScore: 10 },
  { id: 'r4', level1: '产出指标', level2: '质量指标', level3: '培训合格率', target: '≥90%', actual: '95%', points: 10, selfScore: 10 },
  { id: 'r5', level1: '效益指标', level2: '社会效益指标', level3: '参训企业数', target: '≥200家', actual: '300家', points: 30, selfScore: 27, deviation: '年初指标值按上年参训企业数设定，明显偏低' },
  { id: 'r6', level1: '满意度指标', level2: '服务对象满意度指标', level3: '培训效果', target: '良好', actual: '良好', points: 10, selfScore: 9, band: '达成年度指标', deviation: '个别学员反馈课程偏理论' },
];

describe('targets under 财预〔2020〕10号', () => {
  const leaf = node(mustScore(scheme, { 指标行: rows }), 'leaf');
  const row = (id: string) => leaf.trace!.rows!.find((r) => r.id === id)!;

  it('not met, 正向: 完成值 ÷ 指标值 × 分值 = 800 ÷ 1000 × 20 = 16', () => {
    expect(norm(row('r1').score)).toBe('16');
    expect(row('r1').explanation).toContain('完成值 ÷ 指标值 × 分值 = 800人次 ÷ 1000人次 × 20分 = 16分');
  });

  it('not met, 反向 (≤, lower is better): 年度指标值 ÷ 全年实际值 × 分值 = 500 ÷ 625 × 10 = 8', () => {
    expect(norm(row('r2').score)).toBe('8');
    expect(row('r2').explanation).toContain('反向指标：年度指标值 ÷ 全年实际值 × 分值 = 500元 ÷ 625元 × 10分 = 8分');
  });

  it('met: full points (10, 10); a small overshoot (95% vs 90%) keeps full points with a reminder to analyse it', () => {
    expect(norm(row('r3').score)).toBe('10');
    expect(norm(row('r4').score)).toBe('10');
    // (95% − 90%) ÷ 90% = 5.555…% → 5.56%
    expect(row('r4').warnings).toContain('完成值高于指标值5.56%，须分析原因；如系年初指标值设定明显偏低，应按偏离度适度调减分值');
  });

  it('overshoot adjusted by 偏离度: 300 vs 200家 is 50% over; the self-evaluation lowers 30 to 27 with its reason', () => {
    expect(norm(row('r5').score)).toBe('27');
    expect(row('r5').ruleScore).toBeNull();
    expect(row('r5').explanation).toContain('完成值超过指标值 (300家 − 200家) ÷ 200家 = 50%，按偏离度调减为27分（年初指标值按上年参训企业数设定，明显偏低）');
  });

  it('qualitative within the band picked: 达成年度指标 on 10分 is 8–10; the self-score 9 stands', () => {
    expect(norm(row('r6').score)).toBe('9');
    expect(row('r6').explanation).toContain('自评选择“达成年度指标”档（分值的80%（含）–100%（含），即 8–10分），给分 9分；自评9分');
  });

  it('total 16 + 8 + 10 + 10 + 27 + 9 = 80; each group adds up to its weight (50, 30, 10)', () => {
    expect(norm(leaf.score)).toBe('80');
    expect(leaf.warnings).toEqual([]);
    expect(leaf.trace!.arithmetic).toContain('产出指标：权重50分，4行分值合计50分，得分44分'); // 16 + 8 + 10 + 10
  });

  it('without a 满意度 indicator its weight goes to 效益: 效益 rows must add up to 30 + 10 = 40', () => {
    const without = rows.filter((r) => r.id !== 'r6').map((r) => (r.id === 'r5' ? { ...r, points: 40, selfScore: 36 } : r));
    const l = node(mustScore(scheme, { 指标行: without }), 'leaf');
    expect(l.trace!.arithmetic[0]).toBe('未设置满意度指标，其权重10分调整至效益指标');
    expect(l.trace!.arithmetic).toContain('效益指标：权重40分，1行分值合计40分，得分36分');
    expect(l.warnings).toEqual([]);
    // a 效益 row of 30 without 满意度 leaves 10 of the weight unset: said, not hidden
    const short = rows.filter((r) => r.id !== 'r6');
    const s = node(mustScore(scheme, { 指标行: short }), 'leaf');
    expect(s.warnings).toContain('效益指标各行分值合计30分，与权重40分不符');
  });

  it('a row without its band is refused by row, not scored 0', () => {
    const noBand = rows.map((r) => (r.id === 'r6' ? { ...r, band: undefined } : r)).map((r) => JSON.parse(JSON.stringify(r)) as Row);
    const issues = evalIssues(scheme, { 指标行: noBand });
    expect(issues[0]).toMatchObject({ code: 'band-missing', indicator: 'leaf', path: '/facts/指标行/5' });
    expect(issues[0]!.message).toContain('第6行“培训效果”须选择档次（达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差）');
  });

  it('a self-score outside its band, and an overshoot cut without a reason, are refused by row', () => {
    const outside = rows.map((r) => (r.id === 'r6' ? { ...r, band: '部分达成年度指标并具有一定效果' } : r));
    const i1 = evalIssues(scheme, { 指标行: outside });
    expect(i1[0]).toMatchObject({ code: 'band-range', indicator: 'leaf', path: '/facts/指标行/5' });
    expect(i1[0]!.message).toContain('第6行“培训效果”选择“部分达成年度指标并具有一定效果”档（分值的60%（含）–80%，即 6–8分（不含8分）），自评得分 9分 不在该档区间内');
    expect(i1[0]!.message).not.toContain('评审得分');
    const noReason = rows.map((r) => (r.id === 'r5' ? { ...r, deviation: undefined } : r)).map((r) => JSON.parse(JSON.stringify(r)) as Row);
    expect(evalIssues(scheme, { 指标行: noReason })[0]).toMatchObject({ code: 'row-reason-missing', path: '/facts/指标行/4' });
  });

  it('renders the official sentences', () => {
    const bare = leafScheme({ points: 90, inputs: [rowsInput], rule: { ...caiyu, weights: undefined } as TargetsRule });
    expect(renderCriterion(bare, 'leaf')).toBe(QUANTITATIVE + QUALITATIVE);
    expect(renderCriterion(scheme, 'leaf')).toBe(`${QUANTITATIVE}${QUALITATIVE}一级指标权重：产出指标50分、效益指标30分、满意度指标10分；如未设置满意度指标，则其权重统一调整至效益指标。`);
  });
});

// Provinces' overshoot rules on a 10分 row with target ≥100家.
const one = (actual: string) => ({ 指标行: [{ id: 'r1', level1: '产出指标', level2: '数量指标', level3: '服务企业数', target: '≥100家', actual, points: 10 }] });
const withPolicy = (policy: TargetsRule['policy']) => leafScheme({ points: 10, inputs: [rowsInput], rule: { kind: 'targets', rowsFact: '指标行', policy, render: { style: 'caiyu-2020' } } });

describe('overshoot: 指标偏离', () => {
  // "完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分"
  const deduct = withPolicy({ quantitativeNotMet: 'proportional', qualitative: 'judgement', notApplicable: 'zero', overshoot: { over: 0.3, then: 'deduct', deduct: 2 } });

  it('减2分 at 30% and above: 130家 is (130 − 100) ÷ 100 = 30% → 10 − 2 = 8; 129家 (29%) → 10', () => {
    const l = node(mustScore(deduct, one('130家')), 'leaf');
    expect(norm(l.score)).toBe('8');
    expect(l.trace!.rows![0]!.explanation).toContain('完成值超过指标值 (130家 − 100家) ÷ 100家 = 30%，30%及以上，指标偏离减2分：10 − 2 = 8分');
    expect(norm(node(mustScore(deduct, one('129家')), 'leaf').score)).toBe('10');
  });

  it('renders the province’s sentence', () => {
    expect(renderCriterion(deduct, 'leaf')).toContain('完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分');
  });

  // "实际完成未达到预期指标或超过预期指标30%以上的，均不计分"
  const zero = withPolicy({ quantitativeNotMet: 'zero', qualitative: 'judgement', notApplicable: 'zero', overshoot: { over: 0.3, inclusive: false, then: 'zero' } });

  it('不计分 beyond 30% (以上, not included) and below the target: 130家 → 10, 131家 → 0, 90家 → 0', () => {
    expect(norm(node(mustScore(zero, one('130家')), 'leaf').score)).toBe('10');
    expect(norm(node(mustScore(zero, one('131家')), 'leaf').score)).toBe('0');
    expect(norm(node(mustScore(zero, one('90家')), 'leaf').score)).toBe('0');
  });

  it('renders the province’s sentence', () => {
    expect(renderCriterion(zero, 'leaf')).toBe('实际完成未达到预期指标或超过预期指标30%以上的，均不计分。定性指标酌情评分。');
  });

  it('a reverse indicator doing better than its ceiling is not an overshoot: ≤500元 vs 300元 → 10', () => {
    const r = { 指标行: [{ id: 'r1', level1: '产出指标', level2: '成本指标', level3: '人均成本', target: '≤500元', actual: '300元', points: 10 }] };
    expect(norm(node(mustScore(deduct, r), 'leaf').score)).toBe('10');
  });
});

describe('validation of the policy, naming the indicator and the JSON path', () => {
  const at = '/indicators/0/children/0/rule';
  it('bands asked for but missing; overshoot without a threshold or an amount; weights not adding up; absentTo unknown', () => {
    const bad = leafScheme({
      points: 90,
      inputs: [rowsInput],
      rule: {
        kind: 'targets',
        rowsFact: '指标行',
        policy: { quantitativeNotMet: 'proportional', qualitative: 'bands', notApplicable: 'zero', overshoot: { then: 'deduct' } },
        weights: [
          { name: '产出指标', points: 50 },
          { name: '满意度指标', points: 10, absentTo: '效果指标' },
        ],
      },
    });
    const issues = validateScheme(bad);
    const by = (code: string) => issues.filter((i) => i.code === code);
    expect(by('targets-bands-missing')[0]).toMatchObject({ indicator: 'leaf', path: `${at}/bands` });
    expect(by('targets-overshoot-threshold')[0]).toMatchObject({ path: `${at}/policy/overshoot` });
    expect(by('targets-overshoot-deduct')[0]).toMatchObject({ path: `${at}/policy/overshoot/then` });
    expect(by('targets-weights-sum')[0]!.message).toBe('“测试指标”的一级指标权重合计 60分，与本项分值 90分不符');
    expect(by('targets-weights-absent-to')[0]).toMatchObject({ path: `${at}/weights/1/absentTo` });
  });
});

describe('diff', () => {
  it('an overshoot rule added and a weight changed read in plain Chinese', () => {
    const next: Scheme = structuredClone(scheme);
    const r = next.indicators[0]!.children![0]!.rule as TargetsRule;
    r.policy.overshoot = { over: 0.3, then: 'deduct', deduct: 2 };
    r.weights![0]!.points = 45;
    const messages = diffSchemes(scheme, next).map((c) => c.message);
    expect(messages).toContain('测试指标：超额完成（指标偏离） 按偏离度酌情调减 → 超过30%及以上减2分');
    expect(messages).toContain('测试指标：一级指标权重 产出指标50分、效益指标30分、满意度指标10分（缺项调整至效益指标） → 产出指标45分、效益指标30分、满意度指标10分（缺项调整至效益指标）');
  });
});
