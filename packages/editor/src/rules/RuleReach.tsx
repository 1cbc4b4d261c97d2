/**
 * 规则影响到的案例: under the rule being edited, which of the family's cases are scored by it and which
 * take the leaf's score from a reviewer's entry in the case (评审录入: a judgement, or the report's own
 * score where it withholds the facts), so that a change of the rule does not move them. Each case is
 * scored under the draft as it is now, in the versions worker (the engine's `evaluate`); the status of
 * the leaf in its score sheet says how its score was established.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ScoreStatus, SimulationCase } from '@jixiao/engine';
import { api } from '../api/client.ts';
import { useVersionsJob } from '../worker/useVersionsJob.ts';
import type { ReachJob, ReachOutcome } from '../worker/versions-protocol.ts';

export interface RuleReachProps {
  family: string;
  /** The draft as edited. */
  doc: unknown;
  /** The leaf indicator whose rule is edited. */
  indicator: string;
}

/** Why a case's score of the leaf does not follow its rule, by status (computed: it does). */
export const UNAFFECTED_WHY: Readonly<Partial<Record<ScoreStatus, string>>> = {
  unverified: '评审录入：报告未披露计算所需事实，照录报告得分',
  judgement: '评审录入：酌情给分',
  exempt: '免评，直接得满分',
  vetoed: '一票否决，得0分',
};

/** Loads the family's readable cases as the engine takes them (id `year/file`, named with their year). */
function useFamilyCases(family: string): { cases: SimulationCase[] | null; error: string | null } {
  const [cases, setCases] = useState<SimulationCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const list = (await api.listCases(family)).filter((c) => !c.error);
      const docs = await Promise.all(list.map((c) => api.getCase(family, c.year, c.id)));
      if (live) setCases(list.map((c, i) => ({ id: `${c.year}/${c.id}`, name: `${c.name}（${c.year}年）`, input: docs[i] as SimulationCase['input'] })));
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [family]);
  return { cases, error };
}

export function RuleReach({ family, doc, indicator }: RuleReachProps) {
  const { cases, error } = useFamilyCases(family);
  const job = useMemo<ReachJob | null>(() => (cases && cases.length && doc ? { kind: 'reach', draft: doc, cases } : null), [cases, doc]);
  const state = useVersionsJob<ReachOutcome>(job);
  const [last, setLast] = useState<Extract<ReachOutcome, { ok: true }> | null>(null);
  useEffect(() => {
    if (state.outcome?.ok) setLast(state.outcome);
  }, [state.outcome]);
  if (error) return <div className="rule-reach error-text small">无法读取案例：{error}</div>;
  if (cases && cases.length === 0) return null;
  const shown = state.outcome?.ok ? state.outcome : last;
  const failed = state.outcome && !state.outcome.ok ? state.outcome.message : null;
  if (!shown) return <div className="rule-reach muted small">{failed ? `方案有错误，暂无法计算本规则影响到的案例：${failed}` : '正在计算规则影响到的案例…'}</div>;
  const byRule: string[] = [];
  const partly: string[] = [];
  const unaffected: { name: string; why: string }[] = [];
  const unscored: { name: string; why: string }[] = [];
  for (const c of shown.cases) {
    if (!c.ok) {
      unscored.push({ name: c.name, why: c.message });
      continue;
    }
    const s = c.status[indicator];
    if (s === undefined) continue;
    if (s === 'computed') byRule.push(c.name);
    else if (s === 'mixed') partly.push(c.name);
    else unaffected.push({ name: c.name, why: UNAFFECTED_WHY[s] ?? s });
  }
  return (
    <section className="rule-reach" aria-label="本规则影响到的案例" data-testid="rule-reach">
      <div className="rule-reach-title">
        本规则影响到的案例{state.pending ? <span className="muted small">（计算中…）</span> : failed ? <span className="muted small">（方案有错误，下面是最后一次可计算的结果）</span> : null}
      </div>
      <ul>
        <li data-testid="reach-by-rule">
          <b>按本规则计分</b>（修改规则会改变其得分）：{byRule.length ? byRule.join('、') : <span className="muted">无</span>}
        </li>
        {partly.length ? (
          <li data-testid="reach-partly">
            <b>部分按本规则、部分按评审录入</b>：{partly.join('、')}
          </li>
        ) : null}
        {unaffected.length ? (
          <li data-testid="reach-unaffected">
            <b>不按本规则计分</b>（修改规则不影响其得分）：
            {unaffected.map((u, n) => (
              <span key={n}>
                {n ? '、' : ''}
                {u.name}（{u.why}）
              </span>
            ))}
          </li>
        ) : null}
        {unscored.length ? (
          <li className="muted">
            无法计分：
            {unscored.map((u) => `${u.name}（${u.why}）`).join('、')}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
