/** One analysis pass over a draft (run inside the worker; tested directly: the memo of the last draft gives the results a fresh pass gives). */
import { compile, evaluate, factsToEnter, plainSheet, renderCriterion, type CompileResult } from '@jixiao/engine';
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

/** What follows from the draft alone: its issues, the compiled scheme (when it compiles), the rendered criteria. */
interface DraftPart {
  compiled: CompileResult;
  issues: Issue[];
  rendered: Record<string, string>;
  renderErrors: Record<string, string>;
}

/**
 * The last draft analysed (by its JSON text) and its DraftPart: when only the case's values change (the
 * page's first analysis once the case has loaded, a "what if" value typed), the draft is not validated,
 * compiled and rendered again — only the case is scored. A compiled scheme is never changed by scoring.
 */
let lastDraft: { text: string; part: DraftPart } | null = null;

function draftPart(doc: unknown): DraftPart {
  // compile() validates the scheme first and returns every issue it found (warnings when it compiles)
  const compiled = compile(doc);
  const part: DraftPart = { compiled, issues: (compiled.ok ? compiled.warnings : compiled.issues) as Issue[], rendered: {}, renderErrors: {} };
  for (const { ptr, node } of leaves(doc)) {
    try {
      const text = typeof node['id'] === 'string' ? renderCriterion(doc as Scheme, node['id']) : null;
      if (text !== null) part.rendered[ptr] = text;
    } catch (e) {
      part.renderErrors[ptr] = e instanceof Error ? e.message : String(e);
    }
  }
  return part;
}

export function analyse(req: AnalysisRequest): AnalysisResult {
  const t0 = performance.now();
  const result: AnalysisResult = { seq: req.seq, issues: [], sheet: null, scoreIssues: [], rendered: {}, renderErrors: {}, ms: 0 };
  try {
    const text = JSON.stringify(req.doc) ?? '';
    const part = lastDraft?.text === text ? lastDraft.part : draftPart(req.doc);
    lastDraft = { text, part };
    result.issues = part.issues;
    result.rendered = part.rendered;
    result.renderErrors = part.renderErrors;
    const c = part.compiled;
    if (req.input) {
      if (!c.ok) {
        result.scoreIssues = c.issues as Issue[];
        result.scoreStage = 'compile';
      } else {
        const r = evaluate(c.compiled, req.input as never);
        result.factsToEnter = r.ok ? [] : factsToEnter(c.compiled, req.input as never);
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
