/**
 * The case the scheme is tried on (案例得分): the family's cases, the one chosen (by default the first
 * scored with this year's scheme), its document, the user's "what if" values for facts and reviewer
 * entries, and the indicator whose explanation is open. Choosing another case clears the what-if values
 * and the explanation. `input` is what the engine scores; `whatIf` is the same case for the impact preview.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SimulationCase } from '@jixiao/engine';
import { api } from '../api/client.ts';
import type { CaseSummary } from '../api/types.ts';
import type { CaseDoc } from '../model/types.ts';
import { caseKeyOf } from '../components/CasePanel.tsx';
import { defaultCase } from './default-case.ts';
import { applyOverrides } from '../model/facts.ts';
import { applyReviewerOverrides, type ReviewerEntryView, type ReviewerOverrides } from '../components/ReviewerEditor.tsx';

export interface CaseWorkbench {
  cases: CaseSummary[];
  /** `year/id` of the chosen case (`caseKeyOf`), or null when the family has none. */
  caseKey: string | null;
  setCaseKey(key: string | null): void;
  caseDoc: CaseDoc | null;
  /** Fact id → the value the user tries instead of the case's. */
  overrides: Record<string, unknown>;
  /** Sets (or, with undefined, removes) the tried value of a fact. */
  setOverride(id: string, value: unknown): void;
  reviewerOverrides: ReviewerOverrides;
  /** Sets (or, with undefined, removes) the tried reviewer entry of `key` (indicator or indicator/part). */
  setReviewerOverride(key: string, value: ReviewerOverrides[string] | undefined): void;
  /** Drops every tried value. */
  resetOverrides(): void;
  /** Indicator whose explanation (得分过程) is open, or null. */
  traceId: string | null;
  setTraceId(id: string | null): void;
  /** The case's facts and reviewer entries with the tried values, as the engine scores them; null without a case. */
  input: { facts: Record<string, unknown>; reviewer?: Record<string, unknown> } | null;
  /** The same case for the impact preview, named "（含假设值）" when values are tried (`changed`). */
  whatIf: { name: string; input: SimulationCase['input']; changed: boolean } | null;
}

/** A copy of `o` with `key` set to `value`, or removed when `value` is undefined. */
function withEntry<V>(o: Record<string, V>, key: string, value: V | undefined): Record<string, V> {
  const n = { ...o };
  if (value === undefined) delete n[key];
  else n[key] = value;
  return n;
}

export function useCaseWorkbench(family: string, year: string): CaseWorkbench {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [caseKey, setCaseKey] = useState<string | null>(null);
  const [caseDoc, setCaseDoc] = useState<CaseDoc | null>(null);
  const [overrides, setOverrides] = useState<Record<string, unknown>>({});
  const [reviewerOverrides, setReviewerOverrides] = useState<ReviewerOverrides>({});
  const [traceId, setTraceId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listCases(family)
      .then((list) => {
        if (!live) return;
        setCases(list);
        const same = defaultCase(list, year);
        setCaseKey(same ? caseKeyOf(same) : null);
      })
      .catch((e: unknown) => console.warn('案例列表读取失败 (cases):', e));
    return () => {
      live = false;
    };
  }, [family, year]);

  useEffect(() => {
    setOverrides({});
    setReviewerOverrides({});
    setTraceId(null);
    const c = cases.find((x) => caseKeyOf(x) === caseKey);
    if (!c) {
      setCaseDoc(null);
      return;
    }
    let live = true;
    api
      .getCase(family, c.year, c.id)
      .then((d) => live && setCaseDoc(d as CaseDoc))
      .catch((e: unknown) => console.warn('案例读取失败 (case):', e));
    return () => {
      live = false;
    };
  }, [caseKey, cases, family]);

  const input = useMemo(() => {
    if (!caseDoc) return null;
    const reviewer = applyReviewerOverrides(caseDoc.reviewer as Record<string, ReviewerEntryView> | undefined, reviewerOverrides);
    return { facts: applyOverrides(caseDoc.facts as Record<string, unknown>, overrides), ...(reviewer ? { reviewer: reviewer as Record<string, unknown> } : {}) };
  }, [caseDoc, overrides, reviewerOverrides]);

  const whatIf = useMemo(() => {
    if (!caseDoc || !input) return null;
    const changed = Object.keys(overrides).length + Object.keys(reviewerOverrides).length;
    return { name: `${caseDoc.name ?? '案例'}${changed ? '（含假设值）' : ''}`, input: input as unknown as SimulationCase['input'], changed: changed > 0 };
  }, [caseDoc, input, overrides, reviewerOverrides]);

  const setOverride = useCallback((id: string, value: unknown) => setOverrides((o) => withEntry(o, id, value)), []);
  const setReviewerOverride = useCallback((key: string, value: ReviewerOverrides[string] | undefined) => setReviewerOverrides((o) => withEntry(o, key, value)), []);
  const resetOverrides = useCallback(() => {
    setOverrides({});
    setReviewerOverrides({});
  }, []);

  return { cases, caseKey, setCaseKey, caseDoc, overrides, setOverride, reviewerOverrides, setReviewerOverride, resetOverrides, traceId, setTraceId, input, whatIf };
}
