/**
 * The engine's view of the draft being edited (in the analysis worker): validation issues, rendered
 * criteria and the chosen case's score sheet. While the draft cannot be scored (e.g. weights that do not
 * add up yet), the last sheet of the same case is kept and marked stale rather than leaving the panel
 * empty. `issuesText` is the JSON text the issues belong to (null while they are for an older text).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Issue, ScoreSheet, SheetNode } from '../model/types.ts';
import { useAnalysis, type AnalysisState } from '../worker/useAnalysis.ts';
import type { AnalysisInput } from '../worker/protocol.ts';
import type { Draft } from './useDraft.ts';

export interface SchemeAnalysis {
  analysis: AnalysisState;
  result: AnalysisState['result'];
  issues: Issue[];
  errorsCount: number;
  /** The last sheet of the chosen case while the current draft cannot be scored; else null. */
  staleSheet: ScoreSheet | null;
  /** Every indicator's sheet node by id (current sheet, else the stale one). */
  scores: Map<string, SheetNode>;
  issuesText: string | null;
}

function flatten(nodes: SheetNode[] | undefined, into = new Map<string, SheetNode>()): Map<string, SheetNode> {
  for (const n of nodes ?? []) {
    into.set(n.id, n);
    flatten(n.children, into);
  }
  return into;
}

export function useSchemeAnalysis(draft: Draft, input: AnalysisInput | null, caseKey: string | null): SchemeAnalysis {
  const doc = draft.doc;
  const analysis = useAnalysis(draft.loading ? null : doc, input);
  const result = analysis.result;
  const issues: Issue[] = result?.issues ?? [];
  const [lastSheet, setLastSheet] = useState<{ key: string | null; sheet: ScoreSheet } | null>(null);
  useEffect(() => {
    if (result?.sheet) setLastSheet({ key: caseKey, sheet: result.sheet });
  }, [result, caseKey]);
  const staleSheet = !result?.sheet && lastSheet && lastSheet.key === caseKey ? lastSheet.sheet : null;
  const scores = useMemo(() => flatten(result?.sheet?.nodes ?? staleSheet?.nodes), [result, staleSheet]);
  const issuesText = analysis.forDoc === doc && !draft.parseError ? draft.text : null;
  const errorsCount = issues.filter((i) => i.severity === 'error').length;
  return { analysis, result, issues, errorsCount, staleSheet, scores, issuesText };
}
