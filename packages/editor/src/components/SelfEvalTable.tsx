/**
 * 项目支出绩效自评表 in its official layout (seed 001): the funds block (项目资金（元）: 年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分) and the rows table (一级/二级/三级指标, 年度指标值,
 * 实际完成值, 分值, 得分, 偏差原因分析及改进措施). Editable, rows can be added and removed; 年度指标值
 * and 实际完成值 are kept as written ("≥1000家", "1100家") and beside each row the engine says how it
 * read them and what the rule gives (规则得分) next to the self-score (自评得分). The 合计 row adds each column
 * as its rows show it (the engine's selfEvalTotals): the self-scores, the rule scores of the rows the rule
 * scores, and — when rows are left to 酌情 — how many, the self-scores taken for them and the item's score
 * (本项得分 = 规则得分 + 酌情). Every score is the engine's or an exact sum of them, shown with showScore.
 */
import { NOT_SCORED, SELF_EVAL_FORM_FACTS, SELF_EVAL_FORM_HEADINGS, selfEvalForm, selfEvalTotals, showPoints, showScore } from '@jixiao/engine';
import type { CaseDoc, Input, Issue, Scheme, ScoreSheet, SheetNode, TargetRowT } from '../model/types.ts';
import type { BandT } from '@jixiao/engine';
import { bandChoices, bandProblem, factEntry, isQualitativeRow, moneyConversion, moneyText, moneyValue, rowNumberValue, valueText } from '../model/case-form.ts';
import { TypedNumberInput } from './FactForm.tsx';

export interface SelfEvalTableProps {
  /**
   * The scheme's declared inputs: the facts of the official form (SELF_EVAL_FORM_FACTS: 项目金额, 实施单位, the
   * 项目资金 lines, 年度总体目标) are edited where the form has them, `rowsFact` the rows.
   */
  inputs: readonly Input[];
  /** The scheme's metrics: the 执行率 of the 其中 lines is worked out as the funds metric is (selfEvalForm). */
  scheme?: { metrics?: Scheme['metrics'] };
  rowsFact: string;
  doc: CaseDoc;
  sheet: ScoreSheet | null;
  places: number;
  /** null: read-only (print, overview, a submitted case). */
  onFact: ((id: string, value: unknown, source: string) => void) | null;
  /** The engine's issues by fact id. */
  issues?: Map<string, Issue[]>;
  /**
   * The qualitative bands (`policy.qualitative: "bands"`): a row the engine reads as 定性 gets a band
   * choice, its 自评得分 must lie in the band and its 偏差原因 is the reason required.
   */
  bands?: readonly BandT[] | null;
  /** The case's year, for reading dates without a year in 年度指标值 (as the engine reads them). */
  year?: number;
}

/** Chinese problems of a qualitative row scored by bands: a band chosen, the self-score inside it, a reason. */
export function rowBandProblems(r: { selfScore?: unknown; band?: string; deviation?: string; points?: unknown }, bands: readonly BandT[]): string[] {
  const out: string[] = [];
  if (!r.band?.trim()) out.push('定性指标按档次评分：请选择档次');
  const score = r.selfScore === undefined || r.selfScore === null ? '' : String(r.selfScore);
  if (score.trim() === '') out.push('请填写自评得分');
  else {
    const b = bandProblem(score, bands, r.band, String(r.points ?? '0'));
    if (b) out.push(b);
  }
  if (!r.deviation?.trim()) out.push('按档次给分须写明理由：请填写偏差原因分析及改进措施');
  return out;
}

type Row = TargetRowT & { id?: string };

/** The sheet's node of the `targets` rule and the others (the funds block). */
function split(sheet: ScoreSheet | null): { targets: SheetNode | null; funds: SheetNode[] } {
  const all: SheetNode[] = [];
  const walk = (ns: SheetNode[]) => ns.forEach((n) => (n.children ? walk(n.children) : all.push(n)));
  walk(sheet?.nodes ?? []);
  return { targets: all.find((n) => n.trace?.kind === 'targets') ?? null, funds: all.filter((n) => n.trace?.kind !== 'targets') };
}

/** A fresh row id not used by `rows` (r01, r02, …). */
export function nextRowId(rows: readonly Row[]): string {
  const used = new Set(rows.map((r) => r.id));
  for (let n = rows.length + 1; ; n++) {
    const id = `r${String(n).padStart(2, '0')}`;
    if (!used.has(id)) return id;
  }
}

const ROW_FIELDS: { key: 'level1' | 'level2' | 'level3' | 'target' | 'actual'; label: string }[] = [
  { key: 'level1', label: '一级指标' },
  { key: 'level2', label: '二级指标' },
  { key: 'level3', label: '三级指标' },
  { key: 'target', label: '年度指标值' },
  { key: 'actual', label: '实际完成值' },
];

const OUTCOME_ZH: Record<string, string> = { met: '达成', notMet: '未达成', qualitative: '定性', notApplicable: '不适用', incomparable: '无法比较' };

export function SelfEvalTable(p: SelfEvalTableProps) {
  const rowsEntry = factEntry(p.doc, p.rowsFact);
  const rows: Row[] = Array.isArray(rowsEntry.value) ? (rowsEntry.value as Row[]) : [];
  const { targets, funds } = split(p.sheet);
  const results = new Map((targets?.trace?.rows ?? []).map((r) => [r.id, r]));
  const editable = p.onFact !== null;
  const setRows = (next: Row[]) => p.onFact?.(p.rowsFact, next, rowsEntry.source);
  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const rowIssues = p.issues?.get(p.rowsFact) ?? [];
  const fundNode = funds[0] ?? null;
  const totals = selfEvalTotals(rows, targets?.trace?.rows ?? null);
  // the official form's facts (seed 001): the 项目资金 lines the scheme declares, 项目金额, 实施单位, 年度总体目标
  const byId = new Map(p.inputs.map((i) => [i.id, i]));
  const declared = (id: string): Input | undefined => byId.get(id);
  const { amount: amountFact, implementer: implementerFact, expected: expectedFact, actual: actualFact } = SELF_EVAL_FORM_FACTS;
  const fundsLines = SELF_EVAL_FORM_FACTS.funds.map((line, k) => ({ line, k })).filter(({ line }) => [line.initial, line.budget, line.spent].some((id) => byId.has(id)));
  const form = p.sheet ? selfEvalForm(p.scheme ?? {}, p.sheet, { name: p.doc.name, facts: p.doc.facts as Record<string, unknown> }, rows) : null;
  /** A money fact's cell: an input (kept as the decimal text typed) or, read-only, the amount as finance staff write it. */
  const moneyField = (m: Input) => {
    const e = factEntry(p.doc, m.id);
    const own = (p.issues?.get(m.id) ?? []).filter((i) => i.code !== 'fact-missing');
    return (
      <>
        {editable ? (
          <TypedNumberInput label={`事实 ${m.label}`} value={e.value} toText={valueText} fromText={moneyValue} onValue={(v) => p.onFact?.(m.id, v, e.source)} />
        ) : (
          // shown as finance staff write money (150,000.10), never the stored text
          moneyText(e.value) || (m.required === false ? '' : '—')
        )}
        {editable && m.unit && m.unit !== '元' ? <div className="hint">{moneyConversion(valueText(e.value), m.unit)}</div> : null}
        {own.map((i, n) => (
          <div key={n} className="cell-issue error" role="alert">
            ⚠ {i.message}
          </div>
        ))}
      </>
    );
  };
  /** A text fact's cell (实施单位, 预期目标, 实际完成情况): an input, a text area for the long ones, or the text. */
  const textField = (t: Input, long = false) => {
    const e = factEntry(p.doc, t.id);
    const value = valueText(e.value);
    const set = (v: string) => p.onFact?.(t.id, v === '' ? undefined : v, e.source);
    if (!editable) return value;
    return long ? (
      <textarea aria-label={`事实 ${t.label}`} className="source-input goal-input" rows={4} value={value} onChange={(ev) => set(ev.target.value)} />
    ) : (
      <input aria-label={`事实 ${t.label}`} className="fact-input" value={value} onChange={(ev) => set(ev.target.value)} />
    );
  };
  // what the engine says of a row's 自评得分, shown in that row's cell: the sheet's coded warning of a score above the
  // row's 分值 (it blocks 提交), or the error that keeps the case from being scored (a negative 自评得分), whose
  // sheet is then missing — so the user sees at the row what the side panel lists
  const overPoints = (i: number) => [...(p.sheet?.issues ?? []), ...rowIssues].filter((x) => x.path === `/facts/${p.rowsFact}/${i}/selfScore`);
  return (
    <div className="self-eval" aria-label="项目支出绩效自评表">
      {declared(amountFact) || declared(implementerFact) ? (
        <table className="official-table head-table" aria-label="项目信息">
          <tbody>
            <tr>
              <th>{SELF_EVAL_FORM_HEADINGS.amount}</th>
              <td className="num" data-fact={amountFact}>
                {declared(amountFact) ? moneyField(declared(amountFact)!) : null}
              </td>
              <th>{SELF_EVAL_FORM_HEADINGS.implementer}</th>
              <td data-fact={implementerFact}>{declared(implementerFact) ? textField(declared(implementerFact)!) : null}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      <table className="official-table funds-table" aria-label="项目资金">
        <thead>
          <tr>
            <th>{SELF_EVAL_FORM_HEADINGS.funds}</th>
            {SELF_EVAL_FORM_HEADINGS.fundsColumns.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fundsLines.map(({ line, k }) => (
            <tr key={line.label} data-funds={line.label}>
              <th>{line.label}</th>
              {[line.initial, line.budget, line.spent].map((id) => (
                <td key={id} className="num" data-fact={id}>
                  {declared(id) ? moneyField(declared(id)!) : null}
                </td>
              ))}
              {k === 0 ? (
                <>
                  <td className="num">{fundNode ? showPoints(fundNode.points) : '—'}</td>
                  <td className="num">{form?.funds[0]?.rate || '—'}</td>
                  <td className="num score" data-testid="funds-score">
                    {fundNode ? showScore(fundNode.score, p.places) : '—'}
                  </td>
                </>
              ) : (
                <>
                  <td className="num">{NOT_SCORED}</td>
                  <td className="num">{form?.funds[k]?.rate ?? ''}</td>
                  <td className="num">{NOT_SCORED}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {declared(expectedFact) || declared(actualFact) ? (
        <table className="official-table goals-table" aria-label={SELF_EVAL_FORM_HEADINGS.goals}>
          <thead>
            <tr>
              <th rowSpan={2}>{SELF_EVAL_FORM_HEADINGS.goals}</th>
              {SELF_EVAL_FORM_HEADINGS.goalsColumns.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {[expectedFact, actualFact].map((id) => (
                <td key={id} data-fact={id}>
                  {declared(id) ? textField(declared(id)!, true) : null}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      ) : null}
      <table className={`official-table rows-table${p.bands?.length && editable ? ' has-bands' : ''}`} aria-label="年度绩效指标">
        <thead>
          <tr>
            {ROW_FIELDS.map((f) => (
              <th key={f.key}>{f.label}</th>
            ))}
            <th>分值</th>
            <th>得分（自评）</th>
            <th>规则得分</th>
            <th>偏差原因分析及改进措施</th>
            {editable ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const res = r.id !== undefined ? results.get(r.id) : undefined;
            const differs = res && res.ruleScore !== null && res.selfScore !== null && res.ruleScore !== res.selfScore;
            const banded = p.bands?.length && !p.bands.some((b) => b.when !== undefined) && isQualitativeRow(r, p.year ?? 0) ? p.bands : null;
            const choices = banded ? bandChoices(banded, valueText(r.points)) : [];
            const bandIssues = banded && editable ? rowBandProblems(r, banded) : [];
            return (
              <tr key={r.id ?? i} data-row={r.id ?? i} className={differs ? 'row-differs' : undefined}>
                {ROW_FIELDS.map((f) => (
                  <td key={f.key} className={`col-${f.key}`}>
                    {editable ? <input aria-label={`${f.label} 第${i + 1}行`} className="fact-input" value={r[f.key] ?? ''} onChange={(ev) => setRow(i, { [f.key]: ev.target.value })} /> : r[f.key]}
                    {f.key === 'actual' && res ? (
                      <div className="hint row-reading" title={res.warnings.join('\n')}>
                        <span className={`tag outcome-${res.outcome}`}>{OUTCOME_ZH[res.outcome] ?? res.outcome}</span> {res.explanation}
                      </div>
                    ) : null}
                  </td>
                ))}
                <td className="num">
                  {editable ? (
                    <TypedNumberInput
                      label={`分值 第${i + 1}行`}
                      className="fact-input num short"
                      value={r.points}
                      toText={valueText}
                      fromText={(t) => rowNumberValue(t, rows, i, 'points')}
                      onValue={(v) => setRow(i, { points: v as Row['points'] })}
                    />
                  ) : (
                    showPoints(String(r.points))
                  )}
                </td>
                <td className="num">
                  {editable ? (
                    <TypedNumberInput
                      label={`自评得分 第${i + 1}行`}
                      className="fact-input num short"
                      value={r.selfScore}
                      toText={valueText}
                      fromText={(t) => rowNumberValue(t, rows, i, 'selfScore')}
                      onValue={(v) => {
                        const next = { ...r } as Row;
                        if (v === undefined) delete next.selfScore;
                        else next.selfScore = v as Row['selfScore'];
                        setRows(rows.map((x, n) => (n === i ? next : x)));
                      }}
                    />
                  ) : r.selfScore !== undefined ? (
                    showScore(String(r.selfScore), p.places)
                  ) : (
                    '—'
                  )}
                  {banded ? (
                    editable ? (
                      <select
                        aria-label={`档次 第${i + 1}行`}
                        className="band-choice small"
                        title={r.band ?? '请选择档次'}
                        value={r.band ?? ''}
                        onChange={(ev) => {
                          const next = { ...r } as Row;
                          if (ev.target.value) next.band = ev.target.value;
                          else delete next.band;
                          setRows(rows.map((x, n) => (n === i ? next : x)));
                        }}
                      >
                        <option value="">（请选择档次）</option>
                        {choices.map((b) => (
                          <option key={b.label} value={b.label}>
                            {b.label}（{b.range}）
                          </option>
                        ))}
                      </select>
                    ) : r.band ? (
                      <div className="hint">{r.band}</div>
                    ) : null
                  ) : null}
                  {bandIssues.map((m, n) => (
                    <div key={n} className="cell-issue error" role="alert">
                      ⚠ {m}
                    </div>
                  ))}
                  {overPoints(i).map((x, n) => (
                    <div key={`over${n}`} className="cell-issue error" role="alert" data-code={x.code}>
                      ⚠ {x.message}
                    </div>
                  ))}
                </td>
                <td className={`num score${differs ? ' differs' : ''}`} data-col="rule-score">
                  {res ? (res.ruleScore === null ? <span className="muted">酌情</span> : showScore(res.ruleScore, p.places)) : '—'}
                </td>
                <td>
                  {editable ? (
                    <textarea aria-label={`偏差原因 第${i + 1}行`} className="source-input" rows={1} value={r.deviation ?? ''} onChange={(ev) => setRow(i, { deviation: ev.target.value })} />
                  ) : (
                    (r.deviation ?? '')
                  )}
                </td>
                {editable ? (
                  <td className="row-actions">
                    <button type="button" className="icon-btn" aria-label={`删除第${i + 1}行`} onClick={() => setRows(rows.filter((_, n) => n !== i))}>
                      ×
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
          <tr className="total-row">
            <th colSpan={5}>合计</th>
            <td className="num">{targets ? showPoints(targets.points) : '—'}</td>
            <td className="num" data-col="self-total">
              {totals.self !== null ? showScore(totals.self, p.places) : '—'}
            </td>
            <td className="num score" data-col="rule-total">
              {!targets ? '—' : totals.rule !== null ? showScore(totals.rule, p.places) : <span className="muted">酌情</span>}
              {targets && totals.judged.rows ? (
                <div className="hint" data-testid="rows-counted">
                  另酌情 {totals.judged.rows} 行采用自评 {showScore(totals.judged.counted, p.places)}，本项得分 {showScore(targets.score, p.places)}
                </div>
              ) : null}
            </td>
            <td colSpan={editable ? 2 : 1} />
          </tr>
        </tbody>
      </table>
      {rowIssues.length ? (
        <div className="issue-list" role="alert">
          {rowIssues.map((i, n) => (
            <div key={n} className="cell-issue error">
              ⚠ {i.message}
            </div>
          ))}
        </div>
      ) : null}
      {editable ? (
        <button
          type="button"
          className="small-btn"
          onClick={() => setRows([...rows, { id: nextRowId(rows), level1: '产出指标', level2: '数量指标', level3: '', target: '', actual: '', points: '0' } as Row])}
        >
          ＋ 添加指标行
        </button>
      ) : null}
    </div>
  );
}
