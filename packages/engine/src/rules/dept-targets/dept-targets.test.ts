/**
 * 部门绩效目标行 (deptTargets, issue 10 item 11): in a 部门整体 scheme the department sets its targets, the case
 * brings the rows, and the scheme says how a row is scored — here by a shared 完成率 band table (the table and
 * the rows are this test's; the comparison of target and actual texts is the project scheme's).
 */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme, type Scheme } from '../../index.ts';
import { evalIssues, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

const rows = [
  { id: 'r1', level1: '产出指标', level2: '数量指标', level3: '举办培训', target: '≥10场', actual: '12场', points: 4 },
  { id: 'r2', level1: '产出指标', level2: '数量指标', level3: '服务企业', target: '≥200家', actual: '170家', points: 4 },
  { id: 'r3', level1: '效益指标', level2: '满意度指标', level3: '群众满意度', target: '≥90%', actual: '85%', points: 2 },
  { id: 'r4', level1: '产出指标', level2: '时效指标', level3: '服务及时', target: '及时', actual: '及时', points: 2 },
  { id: 'r5', level1: '效益指标', level2: '生态效益指标', level3: '生态效益', target: '不适用', actual: '不适用', points: 2 },
];
const reviewer = { 'goals/r4': { score: '1.5', reason: '个别服务超时' } };

function scheme(by: 'proportional' | { table: string }): Scheme {
  return {
    id: 'test',
    family: 'test',
    title: '测试方案',
    jurisdiction: '测试',
    year: 2024,
    version: '1',
    status: 'draft',
    totalPoints: 20,
    rounding: { places: 2, mode: 'half-up', stages: ['leaf'] },
    grades: [{ grade: '合格', min: 0, minInclusive: true }],
    inputs: [{ id: '部门绩效指标', label: '部门绩效指标', type: 'rows' }],
    bandTables: [
      {
        id: '完成率分档',
        name: '完成率分档',
        bands: [
          { min: 1, minInclusive: true, share: 1 },
          { min: 0.8, minInclusive: true, max: 1, maxInclusive: false, share: 0.8 },
          { min: 0, minInclusive: true, max: 0.8, maxInclusive: false, share: 0 },
        ],
      },
    ],
    indicators: [{ id: 'perf', name: '履职效能', points: 20, children: [{ id: 'goals', name: '部门绩效目标完成情况', points: 20, rule: { kind: 'deptTargets', rowsFact: '部门绩效指标', by } }] }],
  };
}

describe('deptTargets (部门绩效目标行)', () => {
  it('rows by the band table, 定性 by the reviewer, 不适用 out of the base, converted to the 分值', () => {
    // 12 ≥ 10 → 100% → 4; 170/200 = 85% → 80% × 4 = 3.2; 85%/90% = 94.44% → 80% × 2 = 1.6; 及时: reviewer 1.5; 不适用 out
    // (4 + 3.2 + 1.6 + 1.5) ÷ (4 + 4 + 2 + 2) × 20 = 10.3 ÷ 12 × 20 = 17.1666… → 17.17
    const leaf = node(mustScore(scheme({ table: '完成率分档' }), { 部门绩效指标: rows }, reviewer), 'goals');
    expect(leaf.score).toBe('17.17');
    expect(leaf.status).toBe('mixed');
    const rs = leaf.trace!.rows!;
    expect(rs.map((r) => [r.id, r.score, r.outcome])).toEqual([
      ['r1', '4', 'met'],
      ['r2', '3.2', 'notMet'],
      ['r3', '1.6', 'notMet'],
      ['r4', '1.5', 'qualitative'],
      ['r5', '0', 'notApplicable'],
    ]);
    expect(rs[1]!.explanation).toContain('完成率85%，落在“完成率分档”第2档 → 80% × 4分');
    expect(leaf.trace!.arithmetic.at(-2)).toContain('各行得分 10.3 ÷ 各行分值 12 × 20分');
  });

  it('按完成比例 instead of the table', () => {
    // 4 + 85% × 4 + (17/18) × 2 + 1.5 = 8.9 + 17/9 = 97.1/9; × 20/12 = 485.5/27 = 17.981… → 17.98
    expect(leafScore(scheme('proportional'), { 部门绩效指标: rows }, reviewer)).toBe('17.98');
  });

  it('a 定性 row without the reviewer’s entry is an issue naming the row and its key', () => {
    const issues = evalIssues(scheme('proportional'), { 部门绩效指标: rows });
    expect(issues[0]).toMatchObject({ code: 'dept-row-judgement-missing', indicator: 'goals', path: '/reviewer/goals~1r4' });
    expect(issues[0]!.message).toContain('第4行“服务及时”为定性指标');
    expect(issues[0]!.message).not.toContain('reviewer');
  });

  it('renders how a row is scored', () => {
    expect(renderCriterion(scheme('proportional'), 'goals')).toBe('按完成比例计算得分，满分为止。');
    expect(renderCriterion(scheme({ table: '完成率分档' }), 'goals')).toBe('完成率≥100%的，得满分；80%≤完成率<100%的，得分值的80%；0%≤完成率<80%的，不得分。');
  });

  it('validation: an unknown band table', () => {
    const issues = validateScheme(scheme({ table: '完成率' })).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['band-table-unknown', '/indicators/0/children/0/rule/by/table']]);
  });
});
