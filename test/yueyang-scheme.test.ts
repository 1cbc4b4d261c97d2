/**
 * Another jurisdiction's 部门整体 评分表 (issue 10): 岳阳市（湖南省）部门整体支出绩效评价自评评分表, transcribed in
 * schemes/yueyang-whole-expenditure/2020.json from the part of the page the search tool returned
 * (glj.yueyang.gov.cn/6173/6181/content_1705915.html: 投入 and the first nine rows of 过程; status draft). A
 * hand-made case is scored and its total computed by hand; every leaf's rendered 评分标准 matches the official
 * text (线性扣分 in the compact-fullwidth style, 分档 in the dash style "80%（含）-90%，计4分；…；低于60%不得分").
 */
import { describe, expect, it } from 'vitest';
import { compile, criterionMatches, evaluate, NO_GRADE_BANDS, validateScheme, type Indicator } from '@jixiao/engine';
import { allSchemes, casesOf } from './load.ts';

const scheme = allSchemes().find((s) => s.doc.family === 'yueyang-whole-expenditure')!;
const leaves = (nodes: Indicator[]): Indicator[] => nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));

describe('岳阳市部门整体支出绩效评价评分表 (draft)', () => {
  it('validates and compiles', () => {
    expect(scheme.doc.status).toBe('draft');
    const r = compile(scheme.doc);
    expect(r.ok).toBe(true);
  });

  it('the hand-made case totals what hand arithmetic gives', () => {
    const c = casesOf('yueyang-whole-expenditure');
    expect(c).toHaveLength(1);
    const r = compile(scheme.doc);
    if (!r.ok) throw new Error('does not compile');
    const e = evaluate(r.compiled, c[0]!.doc);
    if (!e.ok) throw new Error(e.issues.map((i) => i.message).join('\n'));
    const byId = new Map(leaves(scheme.doc.indicators).map((l) => [l.id, l]));
    const score = (id: string) => {
      const find = (ns: typeof e.sheet.nodes): string | undefined => {
        for (const n of ns) {
          if (n.id === id) return n.score;
          const x = n.children ? find(n.children) : undefined;
          if (x) return x;
        }
        return undefined;
      };
      return find(e.sheet.nodes);
    };
    expect(byId.size).toBe(9);
    // 在职人员控制率 103%: 3 个百分点 × 0.5 = 1.5 → 5 − 1.5 = 3.5
    expect(score('staff-control')).toBe('3.5');
    // “三公经费”变动率 −5% ≦ 0 → 5
    expect(score('three-public-change')).toBe('5');
    // 重点支出安排率 85%: 80%(含)-90% → 4
    expect(score('key-spending')).toBe('4');
    // 预算调整率 12%: 10-20%(含) → 1
    expect(score('adjustment')).toBe('1');
    // 支付进度: 春节前 1 个专项未按进度, 6月底前 0 → 3 − 1 × 0.5 = 2.5
    expect(score('payment-progress')).toBe('2.5');
    // 资金结余: 结余 20 万元 ≤ 上年结转 35 万元 → 有结余，但不超过上年结转 → 2
    expect(score('balance')).toBe('2');
    // 三公经费控制率 98% ≦ 100% → 6
    expect(score('three-public-control')).toBe('6');
    // 管理制度健全性: ①② met, ③ not → 2
    expect(score('rules-sound')).toBe('2');
    // 资金使用合规性: 1 例不符合 → 3 − 1 = 2
    expect(score('funds-compliance')).toBe('2');
    // 3.5 + 5 + 4 + 1 + 2.5 + 2 + 6 + 2 + 2 = 28
    expect(e.sheet.total).toBe('28');
  });

  it('gives the excerpt no grade: its 36 points are not the 100 the grade bands (优 ≥90 … 差 <60) are meant for', () => {
    // DESIGN §1 and the seeds' sheets (000: 93.48 → 优): the bands are set on a total out of 100; no seed says
    // how to grade part of a table, so the excerpt declares no bands and its sheet says it has no grade
    expect(scheme.doc.totalPoints).toBe(36);
    expect(scheme.doc.grades).toEqual([]);
    expect(validateScheme(scheme.doc).filter((i) => i.path.startsWith('/grades'))).toEqual([]);
    const r = compile(scheme.doc);
    if (!r.ok) throw new Error('does not compile');
    const e = evaluate(r.compiled, casesOf('yueyang-whole-expenditure')[0]!.doc);
    if (!e.ok) throw new Error(e.issues.map((i) => i.message).join('\n'));
    expect(e.sheet.total).toBe('28');
    expect(e.sheet.grade).toBe('无（方案不设等级区间）');
    expect(e.sheet.grade).toBe(NO_GRADE_BANDS);
  });

  it('with the 100-point bands it had, 28 of 36 (77.8%) was graded 差 (28 < 60), and validation now warns of each band beyond 36', () => {
    const doc = structuredClone(scheme.doc);
    doc.grades = [
      { grade: '优', min: 90, minInclusive: true },
      { grade: '良', min: 80, minInclusive: true, max: 90, maxInclusive: false },
      { grade: '中', min: 60, minInclusive: true, max: 80, maxInclusive: false },
      { grade: '差', max: 60, maxInclusive: false },
    ];
    expect(validateScheme(doc).filter((i) => i.code === 'grade-beyond-total').map((i) => i.path)).toEqual(['/grades/0', '/grades/1', '/grades/2']);
    const r = compile(doc);
    if (!r.ok) throw new Error('does not compile');
    const e = evaluate(r.compiled, casesOf('yueyang-whole-expenditure')[0]!.doc);
    if (!e.ok) throw new Error('does not score');
    expect(e.sheet.grade).toBe('差');
  });

  it('every other bundled scheme is a 100-point table that keeps its grade bands, none beyond its total', () => {
    const others = allSchemes().filter((s) => s.doc.family !== 'yueyang-whole-expenditure');
    expect(others.length).toBeGreaterThan(3);
    for (const s of others) {
      expect(s.doc.totalPoints, s.doc.family).toBe(100);
      expect(s.doc.grades.length, s.doc.family).toBeGreaterThan(0);
      expect(validateScheme(s.doc).filter((i) => i.code === 'grade-beyond-total'), s.doc.family).toEqual([]);
    }
  });

  it('rendered 评分标准 against the official text: all 9 leaves match', () => {
    const rows = leaves(scheme.doc.indicators).map((l) => ({ id: l.id, r: criterionMatches(scheme.doc, l.id)! }));
    const matched = rows.filter((x) => x.r.match);
    const mismatched = rows.filter((x) => !x.r.match);
    console.log(
      `yueyang-whole-expenditure/2020: 评分标准渲染一致 ${matched.length}/${rows.length}` +
        mismatched.map((m) => `\n  ✗ ${m.id}\n    官方: ${m.r.official}\n    渲染: ${m.r.rendered}`).join(''),
    );
    expect(rows).toHaveLength(9);
    expect(mismatched.map((m) => m.id)).toEqual([]);
  });

  it('renders the per-point and tier rows in the table\'s own wording (Chinese punctuation aside)', () => {
    const rendered = (id: string) => criterionMatches(scheme.doc, id)!.rendered;
    expect(rendered('staff-control')).toBe('以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。');
    expect(rendered('three-public-change')).toBe('“三公经费”变动率≦0，计5分；“三公经费”>0，每超过一个百分点扣0.5分，扣完为止。');
    expect(rendered('three-public-control')).toBe('以100%为标准。三公经费控制率≦100%，计6分；每超过一个百分点扣1分，扣完为止。');
    expect(rendered('key-spending')).toBe('重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。');
    expect(rendered('adjustment')).toBe('预算调整率=0，计3分；0-10%（含），计2分；10-20%（含），计1分；20-30%（含），计0.5分；大于30%不得分。');
  });

  it('"每超过一个百分点扣0.5分" counts whole points: 在职人员控制率 103.6% is 3 whole points over → 5 − 3 × 0.5 = 3.5', () => {
    const r = compile(scheme.doc);
    if (!r.ok) throw new Error('does not compile');
    const c = structuredClone(casesOf('yueyang-whole-expenditure')[0]!.doc);
    c.facts = { ...c.facts, 在职人员控制率: '103.6%' };
    const e = evaluate(r.compiled, c);
    if (!e.ok) throw new Error(e.issues.map((i) => i.message).join('\n'));
    const staff = e.sheet.nodes[0]!.children![0]!.children![0]!;
    expect(staff.id).toBe('staff-control');
    expect(staff.score).toBe('3.5');
  });
});
