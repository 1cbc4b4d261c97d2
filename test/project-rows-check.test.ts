/**
 * The 深圳 project scheme (schemes/shenzhen-project/2020.json, seed 001 项目支出绩效自评表) against the two ways a
 * department could move its own score (user review): raising a row's 分值 beyond the table, and writing a
 * 定量 row's 实际完成值 in words. Seed 001: 总分100 = 资金执行率10 + 年度绩效指标90, "各行分值合计应为90分"; every figure
 * below by hand arithmetic from 表4 (商务运行保障-党务人事纪检监察（培训费）).
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate, submissionBlockers, SUBMISSION_BLOCKING_CODES, type ScoreSheet, type SheetNode } from '@jixiao/engine';
import { casesOf, type LoadedCase } from './load.ts';

const cases = casesOf('shenzhen-project');
const table4 = cases.find((c) => c.file.endsWith('04-party-hr-training.json'))!;

type Row = { id: string; points: number; selfScore?: number; actual: string; target: string };

function sheetOf(c: LoadedCase, change?: (rows: Row[]) => void): ScoreSheet {
  const doc = structuredClone(c.doc) as unknown as { facts: { rows: Row[] } };
  change?.(doc.facts.rows);
  const compiled = compile(c.scheme.doc);
  if (!compiled.ok) throw new Error('scheme does not compile');
  const r = evaluate(compiled.compiled, doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.sheet;
}
const performance = (s: ScoreSheet): SheetNode => s.nodes.find((n) => n.id === 'performance')!;

describe('年度绩效指标 rows’ 分值 must add up to the item’s 90 分', () => {
  it('all 57 bundled tables of seed 001 add up to 90 and carry no blocking warning', () => {
    expect(cases.length).toBe(57);
    for (const c of cases) {
      const rows = (c.doc as unknown as { facts: { rows: Row[] } }).facts.rows;
      expect(rows.reduce((s, r) => s + r.points, 0), c.file).toBe(90);
      const s = sheetOf(c);
      expect(submissionBlockers(s), c.file).toEqual([]);
      expect((s.issues ?? []).filter((i) => i.code === 'rows-points-sum'), c.file).toEqual([]);
    }
  });

  it('表4 as filed: 资金 148,620 ÷ 420,000 = 0.3539 → 0.35 × 10 = 3.5; rows 10×5 + 8 + 8 + 8 + 9 = 83; 3.5 + 83 = 86.5 良', () => {
    const s = sheetOf(table4);
    expect(s.total).toBe('86.5');
    expect(s.grade).toBe('良');
    expect(s.issues).toBeUndefined();
  });

  it('r01 分值 and 自评 raised from 10 to 60: rows add up to 140 ≠ 90, a coded warning on the node and the sheet that blocks 提交', () => {
    const s = sheetOf(table4, (rows) => {
      rows[0]!.points = 60;
      rows[0]!.selfScore = 60;
    });
    // rows' scores 60 + 10×4 + 8 + 8 + 8 + 9 = 133, counted up to the item's 90: 3.5 + 90 = 93.5 (the score is not changed here, only flagged)
    expect(s.total).toBe('93.5');
    const issue = s.issues!.find((i) => i.code === 'rows-points-sum')!;
    expect(issue).toMatchObject({ severity: 'warning', indicator: 'performance', fact: 'rows', path: '/facts/rows' });
    expect(issue.params).toMatchObject({ sum: '140', points: '90', scoreSum: '133', counted: '90' });
    expect(issue.message).toContain('各指标行分值合计140分，与本项分值90分不符');
    expect(issue.message).toContain('各行得分合计133分，本项按分值计入90分');
    expect(issue.message).toContain('不能提交');
    expect(performance(s).warnings).toContain(issue.message);
    expect(submissionBlockers(s).map((i) => i.code)).toEqual(['rows-points-sum']);
    expect(SUBMISSION_BLOCKING_CODES.has('rows-points-sum')).toBe(true);
  });

  it('rows adding up to less (r01 10 → 5 分, 自评 5): 85 ≠ 90 blocks too; nothing is capped (5 + 40 + 33 = 78)', () => {
    const s = sheetOf(table4, (rows) => {
      rows[0]!.points = 5;
      rows[0]!.selfScore = 5;
    });
    // 3.5 + 78 = 81.5
    expect(s.total).toBe('81.5');
    const issue = submissionBlockers(s)[0]!;
    expect(issue.params).toMatchObject({ sum: '85', points: '90', scoreSum: '78', counted: '78' });
    expect(issue.message).not.toContain('本项按分值计入');
  });
});

describe('a 定量 row whose 实际完成值 is written in words', () => {
  it('“≥300人” / “二百人”: judged (the self-score 10 within 10 分, as seed 001 scores any 定量 row not shown 达成), labelled 无法比较, warned on the node, not blocking', () => {
    const s = sheetOf(table4, (rows) => {
      rows[0]!.actual = '二百人';
    });
    // the same total as filed: 3.5 + 83 = 86.5 (seed 001's policy: 未达到的酌情评分 = 自评分)
    expect(s.total).toBe('86.5');
    const row = performance(s).trace!.rows![0]!;
    expect(row).toMatchObject({ outcome: 'incomparable', ruleScore: null, selfScore: '10', score: '10' });
    const issue = s.issues!.find((i) => i.code === 'row-actual-in-words')!;
    expect(issue).toMatchObject({ severity: 'warning', indicator: 'performance', path: '/facts/rows/0' });
    expect(issue.message).toContain('第1行“培训人次”为定量指标（年度指标值“≥300人”），实际完成值“二百人”为文字表述');
    expect(performance(s).warnings).toContain(issue.message);
    expect(submissionBlockers(s)).toEqual([]);
  });

  it('the bundled rows of that shape keep their self-scores (seed 001 表7 “≥12万人” / “微信访问约55万人次…”: 8 分 自评7 → 7)', () => {
    const t7 = cases.find((c) => c.file.endsWith('07-admin-support.json'))!;
    const s = sheetOf(t7);
    const words = (s.issues ?? []).filter((i) => i.code === 'row-actual-in-words');
    expect(words.map((i) => i.params?.['row'])).toEqual([11, 18]);
    const r18 = performance(s).trace!.rows![17]!;
    expect([r18.points, r18.selfScore, r18.score]).toEqual(['8', '7', '7']);
  });
});

describe('a row’s 自评得分 above its own 分值 (seed 001: a row’s 得分 is out of its 分值)', () => {
  it('all 57 bundled tables keep every self-score within its row’s points', () => {
    for (const c of cases) expect((sheetOf(c).issues ?? []).filter((i) => i.code === 'row-self-score-over-points'), c.file).toEqual([]);
  });

  it('表4 r01 “培训人次” (10 分, met: 480人 ≥ 300人) self-scored 12: a coded warning naming the row, blocking 提交; the total stays 3.5 + 83 = 86.5', () => {
    const s = sheetOf(table4, (rows) => {
      rows[0]!.selfScore = 12;
    });
    expect(s.total).toBe('86.5');
    const issue = s.issues!.find((i) => i.code === 'row-self-score-over-points')!;
    expect(issue).toMatchObject({ severity: 'warning', indicator: 'performance', fact: 'rows', path: '/facts/rows/0/selfScore' });
    expect(issue.params).toMatchObject({ row: 1, name: '培训人次', selfScore: '12', points: '10' });
    expect(issue.message).toContain('第1行“培训人次”的自评得分12分高于本行分值10分');
    expect(issue.message).toContain('不能提交');
    expect(issue.messageEn).toContain('row 1');
    // shown where the node's and the row's warnings are read (CLI explain, the editor's trace)
    expect(performance(s).warnings).toContain(issue.message);
    expect(performance(s).trace!.rows![0]!.warnings).toContain(issue.message);
    expect(SUBMISSION_BLOCKING_CODES.has('row-self-score-over-points')).toBe(true);
    expect(submissionBlockers(s).map((i) => i.code)).toEqual(['row-self-score-over-points']);
  });

  it('a judged row (r06 “党员干部廉洁自律意识”, 定性, 10 分) self-scored 11 counts 10 (8 → 10: 3.5 + 85 = 88.5) and is flagged too', () => {
    const s = sheetOf(table4, (rows) => {
      rows[5]!.selfScore = 11;
    });
    expect(s.total).toBe('88.5');
    expect(submissionBlockers(s).map((i) => [i.code, i.params?.['row']])).toEqual([['row-self-score-over-points', 6]]);
  });

  it('a self-score below 0 is refused, not counted: 表4 r03 “参培人员工作能力提升” (定性, 10 分) self-scored −5 would take the total from 86.5 to 3.5 + 68 = 71.5', () => {
    const doc = structuredClone(table4.doc) as unknown as { facts: { rows: Row[] } };
    expect(doc.facts.rows[2]!.selfScore).toBe(10);
    doc.facts.rows[2]!.selfScore = -5;
    const compiled = compile(table4.scheme.doc);
    if (!compiled.ok) throw new Error('scheme does not compile');
    const r = evaluate(compiled.compiled, doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.code === 'row-self-score-negative')!;
    expect(issue).toMatchObject({ severity: 'error', indicator: 'performance', fact: 'rows', path: '/facts/rows/2/selfScore' });
    expect(issue.message).toContain('第3行“参培人员工作能力提升”的自评得分-5分为负数；自评得分应在0至本行分值10分之间');
    expect(issue.messageEn).toContain('row 3');
  });

  it('a self-score equal to its points is no error (表4 as filed: r01 10 of 10)', () => {
    expect(submissionBlockers(sheetOf(table4))).toEqual([]);
  });
});
