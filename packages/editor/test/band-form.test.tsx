/**
 * 评分档次 (bands) in the case form: a reviewer item whose 酌情 rule has bands offers them as a choice
 * (label and range in 分), holds the score to the band chosen with an inline Chinese error, requires a
 * reason and saves `{ score, reason, band }`; a band chosen by the facts is shown, not chosen; a 自评表
 * row read as 定性 under `policy.qualitative: "bands"` gets the same choice. Bands are 财预〔2020〕10号's
 * "100-80%（含）、80-60%（含）、60-0%"; every range below is hand arithmetic on the 分值.
 */
import './dom.ts';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { compile, evaluate, type BandT } from '@jixiao/engine';
import type { CaseDoc, Issue, Scheme } from '../src/model/types.ts';
import { bandChoices, bandProblem, isQualitativeRow, judgementItems, newCaseDoc, reviewerProblems, rowBandsOf, withReviewer, type ReviewerDraft } from '../src/model/case-form.ts';
import { ReviewerForm } from '../src/components/ReviewerForm.tsx';
import { SelfEvalTable, rowBandProblems } from '../src/components/SelfEvalTable.tsx';
import { loadScheme } from './harness.tsx';

afterEach(cleanup);

/** The three 定性 bands of 财预〔2020〕10号 as the bundled caiyu-2020-project scheme writes them. */
const CAIYU: BandT[] = [
  { label: '达成年度指标', min: '80%', minInclusive: true, max: '100%', maxInclusive: true },
  { label: '部分达成年度指标并具有一定效果', min: '60%', minInclusive: true, max: '80%', maxInclusive: false },
  { label: '未达成年度指标且效果较差', min: 0, minInclusive: true, max: '60%', maxInclusive: false },
];

/** A one-leaf scheme: 服务质量, 10分, judged within `bands`. */
function qualityScheme(bands: BandT[], extra: Partial<Scheme> = {}): Scheme {
  return {
    id: 'bands-form',
    family: 'bands-form',
    title: '档次测试',
    jurisdiction: '测试',
    status: 'draft',
    year: 2020,
    version: '1',
    rounding: { places: 2, mode: 'half-up', stages: ['total'] },
    totalPoints: 10,
    grades: [{ grade: '合格', min: 0, minInclusive: true }],
    inputs: [],
    indicators: [{ id: 'quality', name: '服务质量', points: 10, rule: { kind: 'judgement', bands } }],
    ...extra,
  } as unknown as Scheme;
}

describe('bands in the form model', () => {
  it('a 10分 item: 80–100%（含）→ 8–10分, 60%（含）–80% → 6–8分 (8 not included), 0–60% → 0–6分 (6 not included)', () => {
    const c = bandChoices(CAIYU, '10');
    expect(c.map((b) => b.label)).toEqual(CAIYU.map((b) => b.label));
    // 10 × 80% = 8, 10 × 100% = 10; 10 × 60% = 6
    expect(c[0]!.range).toContain('即 8–10分');
    expect(c[1]!.range).toBe('分值的60%（含）–80%，即 6–8分（不含8分）');
    expect(c[2]!.range).toContain('即 0–6分（不含6分）');
    expect(c.every((b) => !b.byFacts && !b.fixed)).toBe(true);
  });

  it('a 5分 row: 部分达成 is 3–4分 (5 × 60% = 3, 5 × 80% = 4), in exact numbers', () => {
    expect(bandChoices(CAIYU, '5')[1]!.range).toContain('即 3–4分（不含4分）');
    // 7.5分 × 60% = 4.5, × 80% = 6
    expect(bandChoices(CAIYU, '7.5')[1]!.range).toContain('即 4.5–6分（不含6分）');
  });

  it('a score is held to the band chosen: on 10分 部分达成 takes 6 and 7.99, not 8 nor 5.99', () => {
    const part = CAIYU[1]!.label;
    expect(bandProblem('6', CAIYU, part, '10')).toBeNull();
    expect(bandProblem('7.99', CAIYU, part, '10')).toBeNull();
    expect(bandProblem('8', CAIYU, part, '10')).toBe('给分 8 分不在所选档次“部分达成年度指标并具有一定效果”的范围内（分值的60%（含）–80%，即 6–8分（不含8分））');
    expect(bandProblem('5.99', CAIYU, part, '10')).toContain('不在所选档次');
    // 达成年度指标 includes the full 10
    expect(bandProblem('10', CAIYU, CAIYU[0]!.label, '10')).toBeNull();
    expect(bandProblem('7', CAIYU, '基本达成', '10')).toContain('不是本项的档次之一');
  });

  it('a reviewer entry needs a band, a score inside it and a reason', () => {
    expect(reviewerProblems({ score: '7', reason: '' }, '10', CAIYU)).toEqual(['请选择档次', '请填写给分理由（必填）']);
    expect(reviewerProblems({ score: '9', reason: '培训覆盖面未达预期', band: CAIYU[1]!.label }, '10', CAIYU)[0]).toContain('不在所选档次');
    expect(reviewerProblems({ score: '7', reason: '培训覆盖面未达预期', band: CAIYU[1]!.label }, '10', CAIYU)).toEqual([]);
    // without bands, only 0 … 分值 and the reason
    expect(reviewerProblems({ score: '9', reason: '理由' }, '10')).toEqual([]);
  });

  it('the entry is saved as { score, reason, band } (the case format), and the engine scores it', () => {
    const scheme = qualityScheme(CAIYU);
    const doc = withReviewer(newCaseDoc(scheme, { id: 'q', name: '甲', department: '甲局' }), 'quality', { score: ' 7 ', reason: '培训覆盖面未达预期', band: CAIYU[1]!.label, basis: 'judgement' });
    expect(doc.reviewer).toEqual({ quality: { score: '7', reason: '培训覆盖面未达预期', band: '部分达成年度指标并具有一定效果', basis: 'judgement' } });
    const c = compile(scheme);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    const r = evaluate(c.compiled, { facts: {}, reviewer: doc.reviewer as Record<string, unknown> });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.sheet.total).toMatch(/^7(\.0+)?$/);
    // the engine refuses what the form refuses: 8 is outside 6–8 (8 not included)
    const outside = withReviewer(doc, 'quality', { score: '8', reason: '培训覆盖面未达预期', band: CAIYU[1]!.label });
    expect(bandProblem('8', CAIYU, CAIYU[1]!.label, '10')).not.toBeNull();
    const refused = evaluate(c.compiled, { facts: {}, reviewer: outside.reviewer as Record<string, unknown> });
    expect(refused.ok ? null : refused.issues[0]!.code).toBe('band-range');
  });

  it('judgementItems carries the rule’s bands; the caiyu-2020-project scheme’s qualitative rows have the three bands', () => {
    expect(judgementItems(qualityScheme(CAIYU))[0]).toMatchObject({ key: 'quality', points: '10', bands: CAIYU });
    expect(judgementItems(loadScheme()).every((i) => i.bands === undefined)).toBe(true);
    expect(rowBandsOf(loadScheme('caiyu-2020-project/2020.json'))?.map((b) => b.label)).toEqual(CAIYU.map((b) => b.label));
    expect(rowBandsOf(loadScheme())).toBeNull();
  });

  it('a row is 定性 as the engine reads it: 良好 / 良好 is, ≥1000人次 / 800人次 is not', () => {
    expect(isQualitativeRow({ target: '良好', actual: '良好', level2: '服务对象满意度指标', level3: '培训效果' }, 2020)).toBe(true);
    expect(isQualitativeRow({ target: '≥1000人次', actual: '800人次', level2: '数量指标', level3: '培训人次' }, 2020)).toBe(false);
    expect(isQualitativeRow({ target: '良好', actual: '' }, 2020)).toBe(false);
  });
});

/** The reviewer form over a live case document, as the case page holds it. */
function Reviewing({ scheme, initial, probe, bandByFacts, scoreIssues = [] }: { scheme: Scheme; initial: CaseDoc; probe: { doc: CaseDoc }; bandByFacts?: (k: string) => string | null; scoreIssues?: Issue[] }) {
  const [doc, setDoc] = useState(initial);
  probe.doc = doc;
  return (
    <ReviewerForm
      items={judgementItems(scheme)}
      doc={doc}
      nameOf={(k) => k}
      pointsOf={() => null}
      readOnly={false}
      onEntry={(k, e: ReviewerDraft | null) => setDoc((d) => withReviewer(d, k, e))}
      scoreIssues={scoreIssues}
      onShowFact={() => {}}
      {...(bandByFacts ? { bandByFacts } : {})}
    />
  );
}

describe('ReviewerForm with bands', () => {
  it('offers the bands with their ranges, refuses a score outside the band chosen, saves band, score and reason', () => {
    const scheme = qualityScheme(CAIYU);
    const probe = { doc: newCaseDoc(scheme, { id: 'q', name: '甲', department: '甲局' }) };
    render(<Reviewing scheme={scheme} initial={probe.doc} probe={probe} />);
    const select = screen.getByLabelText('档次 服务质量') as HTMLSelectElement;
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('部分达成年度指标并具有一定效果（分值的60%（含）–80%，即 6–8分（不含8分））');
    fireEvent.change(select, { target: { value: '部分达成年度指标并具有一定效果' } });
    fireEvent.change(screen.getByLabelText('评审给分 服务质量'), { target: { value: '8' } });
    // 8 is the top of 60%–80% of 10, not included
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join('\n')).toContain('给分 8 分不在所选档次');
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join('\n')).toContain('请填写给分理由（必填）');
    fireEvent.change(screen.getByLabelText('评审给分 服务质量'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('给分理由 服务质量'), { target: { value: '培训覆盖面未达预期' } });
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(probe.doc.reviewer).toEqual({ quality: { score: '7', reason: '培训覆盖面未达预期', band: '部分达成年度指标并具有一定效果', basis: 'judgement' } });
  });

  it('shows a band the facts choose as decided (no choice), and holds the score to it', () => {
    // 完成率 bands: ≥100% → 5分 fixed; 60%–100% → judged within 0–5 (open); below 60% → 0
    const bands: BandT[] = [
      { label: '完成率100%', unit: 'points', min: 5, max: 5, maxInclusive: true, when: { fact: '完成率', operator: 'greaterThanInclusive', value: 1 } },
      { label: '完成率60%至100%', unit: 'points', min: 1, max: 4, maxInclusive: true, text: '完成率在60-100%的，酌情给分', when: { fact: '完成率', operator: 'greaterThanInclusive', value: 0.6 } },
      { label: '完成率60%以下', unit: 'points', min: 0, max: 0, maxInclusive: true, when: { fact: '完成率', operator: 'lessThan', value: 0.6 } },
    ];
    const scheme = { ...qualityScheme(bands), indicators: [{ id: 'quality', name: '服务质量', points: 5, rule: { kind: 'judgement', bands } }] } as unknown as Scheme;
    const initial = withReviewer(newCaseDoc(scheme, { id: 'q', name: '甲', department: '甲局' }), 'quality', { score: '4.5', reason: '基本完成' });
    const probe = { doc: initial };
    render(<Reviewing scheme={scheme} initial={initial} probe={probe} bandByFacts={() => '完成率60%至100%'} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    const list = screen.getByLabelText('档次 服务质量');
    expect(within(list).getByText(/档次由事实决定：属“完成率60%至100%”档/)).toBeTruthy();
    // the band in points: 1–4分 (both included) as the engine words it
    expect(list.querySelector('[aria-current="true"]')?.textContent).toBe('✔ 完成率在60-100%的，酌情给分（1–4分）');
    // 4.5 is above 4
    expect(screen.getByRole('alert').textContent).toContain('给分 4.5 分不在所选档次“完成率60%至100%”的范围内（1–4分）');
    fireEvent.change(screen.getByLabelText('评审给分 服务质量'), { target: { value: '4' } });
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(probe.doc.reviewer).toEqual({ quality: { score: '4', reason: '基本完成', basis: 'judgement' } });
  });
});

describe('自评表 rows with qualitative bands', () => {
  const scheme = loadScheme('caiyu-2020-project/2020.json');
  const bands = rowBandsOf(scheme)!;
  const row = { id: 'r6', level1: '满意度指标', level2: '服务对象满意度指标', level3: '培训效果', target: '良好', actual: '良好', points: 10 };

  function Filling({ initial, probe }: { initial: CaseDoc; probe: { doc: CaseDoc } }) {
    const [doc, setDoc] = useState(initial);
    probe.doc = doc;
    return (
      <SelfEvalTable
        inputs={[]}
        rowsFact="rows"
        doc={doc}
        sheet={null}
        places={2}
        bands={bands}
        year={2020}
        onFact={(id, value) => setDoc((d) => ({ ...d, facts: { ...(d.facts as Record<string, unknown>), [id]: value } as CaseDoc['facts'] }))}
      />
    );
  }

  it('row problems: a band, a self-score inside it (10分 × 80% = 8 up to 10), and 偏差原因 as the reason', () => {
    expect(rowBandProblems({ ...row, selfScore: 9 }, bands)).toEqual(['定性指标按档次评分：请选择档次', '按档次给分须写明理由：请填写偏差原因分析及改进措施']);
    expect(rowBandProblems({ ...row, selfScore: 7, band: '达成年度指标', deviation: '个别学员反馈课程偏理论' }, bands)[0]).toContain('给分 7 分不在所选档次“达成年度指标”');
    expect(rowBandProblems({ ...row, selfScore: 9, band: '达成年度指标', deviation: '个别学员反馈课程偏理论' }, bands)).toEqual([]);
  });

  it('a 定性 row gets the band choice; a score outside is said inline; the row keeps band, 自评得分 and 偏差原因', () => {
    const quantity = { id: 'r1', level1: '产出指标', level2: '数量指标', level3: '培训人次', target: '≥1000人次', actual: '800人次', points: 20, selfScore: 16 };
    const initial = { ...newCaseDoc(scheme, { id: 'p', name: '培训补贴', department: '甲局' }), facts: { rows: [quantity, row] } } as unknown as CaseDoc;
    const probe = { doc: initial };
    render(<Filling initial={initial} probe={probe} />);
    // only the 定性 row (第2行) has a band choice
    expect(screen.queryByLabelText('档次 第1行')).toBeNull();
    const select = screen.getByLabelText('档次 第2行') as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toContain('达成年度指标（分值的80%（含）–100%（含），即 8–10分）');
    fireEvent.change(select, { target: { value: '部分达成年度指标并具有一定效果' } });
    fireEvent.change(screen.getByLabelText('自评得分 第2行'), { target: { value: '9' } });
    // 部分达成 on 10分 is 6–8 (8 not included)
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join('\n')).toContain('给分 9 分不在所选档次“部分达成年度指标并具有一定效果”的范围内');
    fireEvent.change(screen.getByLabelText('自评得分 第2行'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('偏差原因 第2行'), { target: { value: '个别学员反馈课程偏理论' } });
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    const rows = (probe.doc.facts as { rows: Record<string, unknown>[] }).rows;
    // 自评得分 typed "7" is stored in the JSON type the rows use for it (第1行 holds the number 16): the number 7
    expect(rows[1]).toMatchObject({ band: '部分达成年度指标并具有一定效果', selfScore: 7, deviation: '个别学员反馈课程偏理论' });
    expect(rows[0]).not.toHaveProperty('band');
  });
});
