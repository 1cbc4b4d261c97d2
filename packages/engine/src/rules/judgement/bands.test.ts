/** 评分档次 (bands) of 酌情评分: a reviewer's judgement constrained to the band picked, or selected by the facts. */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type JudgementRule, type Scheme } from '../../index.ts';
import { judgementMessages } from './messages.ts';
import { evalIssues, input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

// 财预〔2020〕10号 项目支出绩效自评 (as quoted in issue 10): "定性指标根据指标完成情况分为：达成年度指标、部分达成年度指标并具有
// 一定效果、未达成年度指标且效果较差三档，分别按照该指标对应分值区间100-80%（含）、80-60%（含）、60-0%合理确定分值。"
const OFFICIAL = '定性指标根据指标完成情况分为：达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，分别按照该指标对应分值区间100-80%（含）、80-60%（含）、60-0%合理确定分值。';
const CAIYU_BANDS: NonNullable<JudgementRule['bands']> = [
  { label: '达成年度指标', min: '80%', minInclusive: true, max: '100%', maxInclusive: true },
  { label: '部分达成年度指标并具有一定效果', min: '60%', minInclusive: true, max: '80%', maxInclusive: false },
  { label: '未达成年度指标且效果较差', min: 0, minInclusive: true, max: '60%', maxInclusive: false },
];
const qualitative = leafScheme({ id: 'quality', name: '服务质量', points: 10, rule: { kind: 'judgement', bands: CAIYU_BANDS } });
const entry = (band: string, score: number | string, reason = '培训覆盖面未达预期') => ({ quality: { band, score, reason } });

describe('judgement within bands (财预〔2020〕10号 定性指标)', () => {
  it('a score inside the band the reviewer picks: 部分达成 on 10分 allows 6 (含) up to but not 8 → 7', () => {
    const leaf = node(mustScore(qualitative, {}, entry('部分达成年度指标并具有一定效果', 7)), 'quality');
    expect(leaf.score).toBe('7');
    expect(leaf.status).toBe('judgement');
    expect(leaf.reason).toBe('培训覆盖面未达预期');
    // 10分 × 60% = 6分, 10分 × 80% = 8分: the band is 6 (included) to 8 (not)
    expect(leaf.trace!.arithmetic.join('')).toBe('评审选择“部分达成年度指标并具有一定效果”档（分值的60%（含）–80%，即 6–8分（不含8分）），给分 7分');
  });

  it('the bounds as the document says them: 80% belongs to 达成 (含), 60% to 部分达成 (含), 0 to 未达成', () => {
    expect(leafScore(qualitative, {}, entry('达成年度指标', 8))).toBe('8');
    expect(leafScore(qualitative, {}, entry('达成年度指标', 10))).toBe('10');
    expect(leafScore(qualitative, {}, entry('部分达成年度指标并具有一定效果', 6))).toBe('6');
    expect(leafScore(qualitative, {}, entry('未达成年度指标且效果较差', 0))).toBe('0');
    expect(leafScore(qualitative, {}, entry('未达成年度指标且效果较差', '5.99'))).toBe('5.99');
  });

  it('a score outside the picked band is refused, naming the indicator, the band and its range', () => {
    const issues = evalIssues(qualitative, {}, entry('部分达成年度指标并具有一定效果', 8));
    expect(issues[0]).toMatchObject({ code: 'band-range', indicator: 'quality', path: '/reviewer/quality' });
    expect(issues[0]!.message).toBe('指标“服务质量”无法计分：“服务质量”选择“部分达成年度指标并具有一定效果”档（分值的60%（含）–80%，即 6–8分（不含8分）），评审得分 8分 不在该档区间内');
  });

  it('a department\'s own score (自评, a row of 年度绩效指标) outside its band is called 自评得分, not 评审得分', () => {
    const text = (by?: '评审' | '自评') => judgementMessages.issue('band-range', { name: '培训效果', row: 6, band: '部分达成年度指标并具有一定效果', range: '分值的60%（含）–80%，即 6–8分（不含8分）', score: '9', ...(by ? { by } : {}) });
    expect(text('自评').message).toBe('第6行“培训效果”选择“部分达成年度指标并具有一定效果”档（分值的60%（含）–80%，即 6–8分（不含8分）），自评得分 9分 不在该档区间内');
    expect(text('自评').messageEn).toContain('self-score 9');
    expect(text().message).toContain('评审得分 9分');
  });

  it('no band named, or a band that is not one of the three, is refused (never a placeholder 0)', () => {
    const none = evalIssues(qualitative, {}, { quality: { score: 7, reason: '理由' } });
    expect(none[0]).toMatchObject({ code: 'band-missing', indicator: 'quality' });
    expect(none[0]!.message).toContain('达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差');
    expect(none[0]!.message).toContain('案例缺少该项评审所选的档次');
    expect(none[0]!.message).not.toContain('reviewer');
    expect(evalIssues(qualitative, {})[0]!.code).toBe('band-missing');
    expect(evalIssues(qualitative, {}, entry('基本达成', 7))[0]!.code).toBe('band-unknown');
  });

  it('a reason is required', () => {
    expect(evalIssues(qualitative, {}, entry('达成年度指标', 9, '  '))[0]!.code).toBe('judgement-reason');
  });

  it('renders the official sentence', () => {
    expect(renderCriterion(qualitative, 'quality')).toBe(OFFICIAL);
  });

  it('validation names the indicator and the JSON path: a share above 100%, an empty band, a repeated label', () => {
    const bad = leafScheme({
      id: 'quality',
      name: '服务质量',
      points: 10,
      rule: {
        kind: 'judgement',
        bands: [
          { label: '达成年度指标', min: '80%', minInclusive: true, max: '120%', maxInclusive: true },
          { label: '达成年度指标', min: '70%', minInclusive: true, max: '60%', maxInclusive: false },
        ],
      },
    });
    const issues = validateScheme(bad);
    const outside = issues.find((i) => i.code === 'band-outside')!;
    expect(outside).toMatchObject({ indicator: 'quality', path: '/indicators/0/children/0/rule/bands/0/max' });
    expect(outside.message).toBe('“服务质量”的档次“达成年度指标”界值 120% 应在分值的 0–100% 之间（80% 填 0.8 或 "80%"）');
    expect(issues.find((i) => i.code === 'band-duplicate')).toMatchObject({ path: '/indicators/0/children/0/rule/bands/1/label' });
    expect(issues.find((i) => i.code === 'band-empty')).toMatchObject({ path: '/indicators/0/children/0/rule/bands/1' });
  });

  it('diff: a band whose range changes is one change in plain Chinese', () => {
    const next: Scheme = structuredClone(qualitative);
    const rule = next.indicators[0]!.children![0]!.rule as JudgementRule;
    rule.bands![0] = { ...rule.bands![0]!, min: '90%' };
    const changes = diffSchemes(qualitative, next);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'bands-changed', pathAfter: '/indicators/0/children/0/rule/bands/0' });
    expect(changes[0]!.message).toBe('服务质量：档次“达成年度指标”分值的80%（含）–100%（含） → 分值的90%（含）–100%（含）');
  });
});

// A band whose points the document does not state ("完成率在60-100%的…"): the facts choose the band, the reviewer
// judges inside it. 5分: 100% → 5分 (fixed); 60%（含）–100% → between 0 and 5 (not included); below 60% → 0.
const completion = leafScheme({
  id: 'done',
  name: '项目完成率',
  points: 5,
  inputs: [input.percent('完成率')],
  rule: {
    kind: 'judgement',
    bands: [
      { label: '完成率100%', unit: 'points', min: 5, minInclusive: true, max: 5, maxInclusive: true, when: { fact: '完成率', operator: 'greaterThanInclusive', value: 1 }, text: '完成率100%的，得5分' },
      {
        label: '完成率在60-100%',
        unit: 'points',
        min: 0,
        minInclusive: false,
        max: 5,
        maxInclusive: false,
        when: { fact: '完成率', operator: 'greaterThanInclusive', value: 0.6 },
        text: '完成率在60-100%的，酌情评分',
      },
      { label: '完成率60%以下', unit: 'points', min: 0, minInclusive: true, max: 0, maxInclusive: true, when: { fact: '完成率', operator: 'lessThan', value: 0.6 }, text: '完成率60%以下的，不得分' },
    ],
  },
});

describe('judgement within a band chosen by the facts', () => {
  it('a fixed band needs no reviewer: 100% → 5, 50% → 0', () => {
    expect(leafScore(completion, { 完成率: 1 })).toBe('5');
    const leaf = node(mustScore(completion, { 完成率: '50%' }), 'done');
    expect(leaf.score).toBe('0');
    expect(leaf.status).toBe('computed');
  });

  it('80% falls in 60–100%: the reviewer’s 3 stands; without an entry it is an error, not 0', () => {
    expect(leafScore(completion, { 完成率: '80%' }, { done: { score: 3, reason: '两个子项目延期' } })).toBe('3');
    expect(evalIssues(completion, { 完成率: '80%' })[0]).toMatchObject({ code: 'judgement-missing', indicator: 'done' });
    // 5 is not inside the open band (0, 5)
    expect(evalIssues(completion, { 完成率: '80%' }, { done: { score: 5, reason: '理由' } })[0]!.code).toBe('band-range');
  });

  it('an entry naming another band than the facts select is refused', () => {
    const issues = evalIssues(completion, { 完成率: '80%' }, { done: { band: '完成率60%以下', score: 3, reason: '理由' } });
    expect(issues[0]!.message).toBe('指标“项目完成率”无法计分：“项目完成率”按事实属“完成率在60-100%”档，评审录入的档次“完成率60%以下”与之不符');
  });

  it('renders each band’s own text', () => {
    expect(renderCriterion(completion, 'done')).toBe('完成率100%的，得5分；完成率在60-100%的，酌情评分；完成率60%以下的，不得分。');
  });

  it('diff of a band in points reads its bounds as written', () => {
    const next = structuredClone(completion);
    (next.indicators[0]!.children![0]!.rule as JudgementRule).bands![1]!.max = 4;
    expect(diffSchemes(completion, next).map((c) => c.message)).toEqual(['项目完成率：档次“完成率在60-100%”0（不含）–5（不含）分 → 0（不含）–4（不含）分']);
  });

  it('conditions on some bands but not all are refused', () => {
    const mixed = structuredClone(completion);
    delete (mixed.indicators[0]!.children![0]!.rule as JudgementRule).bands![2]!.when;
    expect(validateScheme(mixed).map((i) => i.code)).toContain('band-when-mixed');
  });
});
