/**
 * The case the scheme is tried on (案例得分): the family's cases, the one chosen (the user's remembered
 * choice, else the first case the engine can score under the page's scheme: state/default-case.ts), its document, the user's "what if" values for facts and reviewer
 * entries, and the indicator whose explanation is open. Choosing another case clears the what-if values
 * and the explanation. `input` is what the engine scores; `whatIf` is the same case for the impact preview.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SimulationCase } from '@jixiao/engine';
import { api } from '../api/client.ts';
import type { CaseSummary } from '../api/types.ts';
import type { CaseDoc } from '../model/types.ts';
import { caseKeyOf } from '../components/CasePanel.tsx';
import { chooseCase, rememberCase, rememberedCase, type CaseChoice } from './default-case.ts';
import { applyOverrides } from '../model/facts.ts';
import { applyReviewerOverrides, type ReviewerEntryView, type ReviewerOverrides } from '../components/ReviewerEditor.tsx';

export interface CaseWorkbench {
  cases: CaseSummary[];
  /** `year/id` of the chosen case (`caseKeyOf`), or null when the family has none (or while it is being chosen). */
  caseKey: string | null;
  /** The user chooses a case (null: 不选案例): remembered for this scheme's page. */
  setCaseKey(key: string | null): void;
  /** Why `caseKey` is shown (the user's choice or the default), or null while the default is being chosen. */
  choice: CaseChoice | null;
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

/**
 * Whether the engine scores a case document under the scheme: true, false, or null when the scheme itself
 * does not compile (worker/score-case.ts `canScoreCase`).
 */
export type CaseScorer = (scheme: unknown, caseDoc: unknown) => Promise<boolean | null>;

/**
 * @param scheme the page's scheme as loaded (null until it is): the default case is the first it can score.
 * @param canScore how that is asked; null: the first case in order is the default, nothing is scored.
 */
export function useCaseWorkbench(family: string, year: string, scheme: unknown = null, canScore: CaseScorer | null = null): CaseWorkbench {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [listed, setListed] = useState(false);
  const [caseKey, setCaseKeyState] = useState<string | null>(null);
  const [choice, setChoice] = useState<CaseChoice | null>(null);
  /** Case documents read while the default was chosen, by `year/id`: not read twice. */
  const docs = useRef(new Map<string, unknown>());
  const schemeRef = useRef<unknown>(scheme);
  const chosen = useRef(false);
  const userPicked = useRef(false);
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
        setListed(true);
      })
      .catch((e: unknown) => console.warn('案例列表读取失败 (cases):', e));
    return () => {
      live = false;
    };
  }, [family, year]);

  useEffect(() => {
    schemeRef.current = scheme;
  }, [scheme]);

  // the default, once: when the list is there and (to score the cases) the scheme too
  const schemeLoaded = scheme !== null && scheme !== undefined;
  useEffect(() => {
    if (!listed || chosen.current || (canScore !== null && !schemeLoaded)) return;
    chosen.current = true;
    const probe = canScore
      ? async (c: CaseSummary) => {
          const d = await api.getCase(family, c.year, c.id);
          docs.current.set(caseKeyOf(c), d);
          return canScore(schemeRef.current, d);
        }
      : null;
    void chooseCase(cases, year, rememberedCase(family, year), probe).then((ch) => {
      // a case the user picked meanwhile stays
      if (userPicked.current) return;
      setChoice(ch);
      setCaseKeyState(ch.key);
    });
  }, [listed, cases, family, year, canScore, schemeLoaded]);

  const setCaseKey = useCallback(
    (key: string | null) => {
      userPicked.current = true;
      rememberCase(family, year, key);
      setChoice({ by: 'user', key });
      setCaseKeyState(key);
    },
    [family, year],
  );

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
    const read = docs.current.get(caseKeyOf(c));
    docs.current.clear();
    (read !== undefined ? Promise.resolve(read) : api.getCase(family, c.year, c.id))
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

  return { cases, caseKey, setCaseKey, choice, caseDoc, overrides, setOverride, reviewerOverrides, setReviewerOverride, resetOverrides, traceId, setTraceId, input, whatIf };
}
