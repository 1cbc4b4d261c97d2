/** 年度绩效指标行 (targets): each project's own rows, scored by the scheme's policy. */
import { describe, expect, it } from 'vitest';
import { renderCriterion, type Input, type TargetsRule } from '../../index.ts';
import { evalIssues, leafScheme, mustScore, node, norm } from '../../../test/fixtures/build.ts';

const rows: Input = { id: '指标行', label: '年度绩效指标', type: 'rows' };
const rule: TargetsRule = { kind: 'targets', rowsFact: '指标行', policy: { quantitativeNotMet: 'proportional', qualitative: 'judgement', notApplicable: 'full' } };
const scheme = leafScheme({ points: 20, inputs: [rows], rule });
const row = (level3: string, target: string, actual: string, points: number, selfScore?: number) => ({
  level1: '产出指标',
  level2: '数量指标',
  level3,
  target,
  actual,
  points,
  ...(selfScore === undefined ? {} : { selfScore }),
});

describe('targets (年度绩效指标行)', () => {
  // seed 001 style rows: "≥1000家" vs "1100家" met; "≥4场" vs "1场" not met, 1/4 of the target
  it('met → the row’s points (10); not met → points × completion (6 × 1/4 = 1.5); a qualitative row takes the self-score (4)', () => {
    const sheet = mustScore(scheme, {
      指标行: [row('服务企业数量', '≥1000家', '1100家', 10), row('举办活动场次', '≥4场', '1场', 6), row('服务质量', '良好', '良好', 4, 4)],
    });
    const leaf = node(sheet, 'leaf');
    expect(leaf.trace!.rows!.map((r) => [r.outcome, norm(r.score)])).toEqual([
      ['met', '10'],
      ['notMet', '1.5'], // 6 × 1/4
      ['qualitative', '4'], // judgement: the self-score 4, within the row's 4 points
    ]);
    expect(norm(leaf.score)).toBe('15.5'); // 10 + 1.5 + 4
  });

  it('a row needing judgement without a self-score is named by its row and indicator', () => {
    const issues = evalIssues(scheme, { 指标行: [row('服务质量', '良好', '良好', 20)] });
    expect(issues[0]).toMatchObject({ code: 'row-judgement-missing', fact: '指标行' });
    expect(issues[0]!.message).toContain('第1行“服务质量”需酌情评分（定性指标），但没有自评得分');
  });

  it('renders the policy as the scheme’s sentence', () => {
    expect(renderCriterion(scheme, 'leaf')).toBe('定量指标达到年度指标值的，得该指标分值；未达到的，按完成比例得分；定性指标酌情评分；不适用的指标得满分。');
  });
});
