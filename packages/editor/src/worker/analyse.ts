/** One analysis pass over a draft (run inside the worker; pure, so it can be tested directly). */
import { compile, evaluate, plainSheet, renderCriterion, validateScheme } from '@jixiao/engine';
import type { Issue, Scheme, ScoreSheet } from '../model/types.ts';
import type { AnalysisRequest, AnalysisResult } from './protocol.ts';
import { toPointer, type Seg } from '../model/pointer.ts';

/** Each leaf indicator (one with a rule) with its JSON pointer. */
export function leaves(doc: unknown): { ptr: string; node: Record<string, unknown> }[] {
  const out: { ptr: string; node: Record<string, unknown> }[] = [];
  const visit = (list: unknown, path: Seg[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((n: unknown, i) => {
      if (!n || typeof n !== 'object') return;
      const node = n as Record<string, unknown>;
      const here = [...path, i];
      if (Array.isArray(node['children'])) visit(node['children'], [...here, 'children']);
      else if (node['rule']) out.push({ ptr: toPointer(here), node });
    });
  };
  visit((doc as { indicators?: unknown } | null)?.indicators, ['indicators']);
  return out;
}

export function analyse(req: AnalysisRequest): AnalysisResult {
  const t0 = performance.now();
  const result: AnalysisResult = { seq: req.seq, issues: [], sheet: null, scoreIssues: [], rendered: {}, renderErrors: {}, ms: 0 };
  try {
    result.issues = validateScheme(req.doc);
    for (const { ptr, node } of leaves(req.doc)) {
      try {
        const text = typeof node['id'] === 'string' ? renderCriterion(req.doc as Scheme, node['id']) : null;
        if (text !== null) result.rendered[ptr] = text;
      } catch (e) {
        result.renderErrors[ptr] = e instanceof Error ? e.message : String(e);
      }
    }
    if (req.input) {
      const c = compile(req.doc);
      if (!c.ok) {
        result.scoreIssues = c.issues as Issue[];
        result.scoreStage = 'compile';
      } else {
        const r = evaluate(c.compiled, req.input as never);
        // written out: postMessage copies own data only, and a trace writes its text when read
        if (r.ok) result.sheet = plainSheet(r.sheet) as ScoreSheet;
        else {
          result.scoreIssues = r.issues as Issue[];
          result.scoreStage = 'evaluate';
        }
      }
    }
  } catch (e) {
    result.crash = e instanceof Error ? `${e.message}` : String(e);
  }
  result.ms = Math.round(performance.now() - t0);
  return result;
}
