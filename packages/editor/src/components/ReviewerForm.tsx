/**
 * 评审录入 of a case: every 酌情 item the scheme asks for (a score from 0 to the item's 分值, a reason
 * required), and any other entry the case holds (a score taken from the report because it withheld the
 * facts, 照录报告). Unticking “采用评审录入” removes the entry from the case, so the leaf is scored by
 * its rule from the facts: the facts it still needs are named, and entered in the fact form they are
 * saved with the case. Ticking it again brings the entry back.
 */
import { useState } from 'react';
import type { CaseDoc, Issue } from '../model/types.ts';
import type { BandT } from '@jixiao/engine';
import { bandChoices, bandProblem, reviewerProblems, type ReviewerDraft, type ReviewerItem } from '../model/case-form.ts';

export interface ReviewerFormProps {
  items: readonly ReviewerItem[];
  doc: CaseDoc;
  /** Indicator (or indicator/part) names by key, for entries that are not 酌情 items. */
  nameOf: (key: string) => string;
  /** 分值 of an indicator (or part) by key, for entries that are not 酌情 items. */
  pointsOf: (key: string) => string | null;
  readOnly: boolean;
  onEntry: (key: string, entry: ReviewerDraft | null) => void;
  /** The issues that stop scoring (the facts a rule still needs, named in Chinese). */
  scoreIssues: readonly Issue[];
  onShowFact: (id: string) => void;
  /**
   * The band the facts chose for an item whose bands carry conditions (`when`), by reviewer key, as the
   * score sheet says it; null while the sheet does not say (facts or the entry still missing).
   */
  bandByFacts?: (key: string) => string | null;
}

function draftOf(raw: unknown): ReviewerDraft | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as { score?: unknown; reason?: unknown; basis?: unknown; band?: unknown };
  return {
    score: r.score === undefined || r.score === null ? '' : String(r.score),
    reason: typeof r.reason === 'string' ? r.reason : '',
    ...(typeof r.band === 'string' ? { band: r.band } : {}),
    ...(r.basis === 'judgement' || r.basis === 'undisclosed' ? { basis: r.basis } : {}),
  };
}

export function ReviewerForm(p: ReviewerFormProps) {
  const entries = (p.doc.reviewer ?? {}) as Record<string, unknown>;
  // entries the user unticked in this session, so that ticking again brings them back
  const [parked, setParked] = useState<Record<string, ReviewerDraft>>({});
  const itemKeys = new Set(p.items.map((i) => i.key));
  const others = [...Object.keys(entries), ...Object.keys(parked)].filter((k, i, all) => !itemKeys.has(k) && all.indexOf(k) === i);
  const rows: { key: string; name: string; points: string | null; judgement: boolean; guidance?: string; bands?: BandT[] }[] = [
    ...p.items.map((i) => ({ key: i.key, name: i.name, points: i.points, judgement: true, ...(i.guidance ? { guidance: i.guidance } : {}), ...(i.bands ? { bands: i.bands } : {}) })),
    ...others.map((k) => ({ key: k, name: p.nameOf(k), points: p.pointsOf(k), judgement: false })),
  ];
  const missingFacts = p.scoreIssues.filter((i) => i.code === 'fact-missing' && i.fact);
  if (!rows.length) return <p className="muted">本方案没有酌情评分项，案例也没有评审录入。</p>;
  return (
    <table className="facts-table reviewer-form" aria-label="评审录入">
      <thead>
        <tr>
          <th>指标</th>
          <th>评审给分</th>
          <th>给分理由（必填）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const entry = draftOf(entries[r.key]);
          const used = entry !== null;
          const shown = entry ?? parked[r.key] ?? { score: '', reason: '' };
          const problems = used && r.points !== null ? reviewerProblems(shown, r.points, r.bands) : [];
          const choices = r.bands && r.points !== null ? bandChoices(r.bands, r.points) : [];
          const byFacts = choices.some((b) => b.byFacts);
          const decided = byFacts ? (p.bandByFacts?.(r.key) ?? null) : null;
          // the engine's word on a band the facts chose (the score outside it, no band applies)
          const engineSays = byFacts ? p.scoreIssues.filter((i) => i.path === `/reviewer/${r.key.replace(/~/g, '~0').replace(/\//g, '~1')}` && i.code.startsWith('band-')).map((i) => i.message) : [];
          if (used && decided && r.bands && r.points !== null) {
            const b = bandProblem(shown.score, r.bands, decided, r.points);
            if (b) problems.push(b);
          }
          for (const m of engineSays) if (!problems.length) problems.push(m);
          const set = (patch: Partial<ReviewerDraft>) => {
            const next = { ...shown, ...(r.judgement ? { basis: 'judgement' as const } : {}), ...patch };
            // a 酌情 item emptied again is not entered (rather than an entry without score or reason)
            p.onEntry(r.key, r.judgement && !next.score.trim() && !next.reason.trim() && !next.band?.trim() ? null : next);
          };
          return (
            <tr key={r.key} data-reviewer={r.key} className={problems.length ? 'row-error' : undefined}>
              <th>
                {r.name}
                <span className="muted small">（{r.judgement ? '酌情' : shown.basis === 'undisclosed' ? '照录报告，未核实' : '评审录入'}{r.points !== null ? `，0 至 ${r.points} 分` : ''}）</span>
                {r.guidance ? <div className="hint">{r.guidance}</div> : null}
                {!r.judgement ? (
                  <label className="inline small">
                    <input
                      type="checkbox"
                      aria-label={`采用评审录入 ${r.name}`}
                      checked={used}
                      disabled={p.readOnly}
                      onChange={(ev) => {
                        if (ev.target.checked) {
                          p.onEntry(r.key, parked[r.key] ?? shown);
                        } else {
                          if (entry) setParked((x) => ({ ...x, [r.key]: entry }));
                          p.onEntry(r.key, null);
                        }
                      }}
                    />
                    采用评审录入
                  </label>
                ) : null}
                {!r.judgement && !used ? (
                  <div className="hint">
                    不采用：该项按规则从事实计算。
                    {missingFacts.length ? (
                      <>
                        {' '}还需填写：
                        {missingFacts.map((i) => (
                          <button key={i.fact} type="button" className="link small" onClick={() => p.onShowFact(i.fact as string)}>
                            {String(i.params?.['label'] ?? i.fact)}
                          </button>
                        ))}
                      </>
                    ) : null}
                  </div>
                ) : null}
              </th>
              <td>
                {choices.length && !byFacts ? (
                  <label className="band-choice small">
                    档次{' '}
                    <select aria-label={`档次 ${r.name}`} disabled={p.readOnly} value={shown.band ?? ''} onChange={(ev) => set({ band: ev.target.value })}>
                      <option value="">（请选择档次）</option>
                      {choices.map((b) => (
                        <option key={b.label} value={b.label}>
                          {b.label}（{b.range}）
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
                {byFacts ? (
                  <ul className="band-list small" aria-label={`档次 ${r.name}`}>
                    {choices.map((b) => (
                      <li key={b.label} className={decided === b.label ? 'band-decided' : 'muted'} aria-current={decided === b.label ? 'true' : undefined}>
                        {decided === b.label ? '✔ ' : ''}
                        {b.text ?? b.label}（{b.range}）
                      </li>
                    ))}
                    <li className="hint">{decided ? `档次由事实决定：属“${decided}”档` : '档次由事实决定（按填写的事实确定，不可选择）'}</li>
                  </ul>
                ) : null}
                <input
                  aria-label={`评审给分 ${r.name}`}
                  className="fact-input num short"
                  inputMode="decimal"
                  readOnly={p.readOnly || (!r.judgement && !used)}
                  value={shown.score}
                  onChange={(ev) => set({ score: ev.target.value })}
                />
                <span className="unit">分</span>
              </td>
              <td>
                <textarea
                  aria-label={`给分理由 ${r.name}`}
                  className="source-input"
                  rows={2}
                  readOnly={p.readOnly || (!r.judgement && !used)}
                  value={shown.reason}
                  onChange={(ev) => set({ reason: ev.target.value })}
                />
                {problems.map((m, n) => (
                  <div key={n} className="cell-issue error" role="alert">
                    ⚠ {m}
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
