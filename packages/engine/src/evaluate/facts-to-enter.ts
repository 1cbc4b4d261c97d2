/**
 * Which facts a department still has to enter before it may submit (提交) a case: the facts the engine's rule
 * for a submission asks for (evaluate/not-entered.ts: a not-entered issue outside `/reviewer` keeps a case from
 * being submitted), all of them at once, for a form's count (尚有 N 项必填未填) and its 未填 marks.
 *
 * Scoring stops at the first missing fact of an indicator (a 比率 whose numerator and denominator are both
 * blank names the numerator only), so one evaluation names at most one fact per indicator. The facts it names
 * are given stand-in values and the case is scored again, until no new fact is asked for: what comes out is
 * every fact a submission would ask for, one after another. A fact read only by an indicator the reviewer's
 * entry scores (a 满意度 the report did not disclose, scored 评审录入) is not among them: the engine does not
 * read it, and 提交 does not ask for it. A fact with a default (缺省) is never missing.
 */
import type { CompiledScheme } from '../compile/compile.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import { factMessages } from '../facts/messages.ts';
import type { Input } from '../format/scheme-types.ts';
import { evaluate, type CaseInput } from './evaluate.ts';
import { awaitsReviewer, isNotEntered } from './not-entered.ts';

/** A value of the fact's declared type, only so that scoring goes on past it (never shown, never kept). */
function standIn(input: Input | undefined): unknown {
  switch (input?.type) {
    case 'boolean':
      return false;
    case 'enum':
      return input.options?.[0]?.value ?? '';
    case 'text':
      return '—';
    case 'rows':
      return [];
    default:
      return 1;
  }
}

/**
 * The ids of the facts `input` (a case's facts and reviewer entries) still has to be given before the case
 * may be submitted, in the order scoring asks for them; empty when nothing the department enters is missing
 * (what the reviewer still has to enter, 待评审, is not the department's and is not listed).
 */
export function factsToEnter(compiled: CompiledScheme, input: CaseInput): string[] {
  const owed: string[] = [];
  const facts: Record<string, unknown> = input && typeof input.facts === 'object' && input.facts !== null && !Array.isArray(input.facts) ? { ...input.facts } : {};
  // each round names at least one new fact, so there are at most as many rounds as declared facts
  for (let round = 0; round <= compiled.decls.inputs.size; round++) {
    const r = evaluate(compiled, { ...input, facts });
    if (r.ok) break;
    const fresh = r.issues.filter((i) => isNotEntered(i) && !awaitsReviewer(i) && i.fact !== undefined && compiled.decls.inputs.has(i.fact) && !owed.includes(i.fact));
    if (!fresh.length) break;
    for (const i of fresh) {
      const id = i.fact!;
      if (owed.includes(id)) continue;
      owed.push(id);
      facts[id] = standIn(compiled.decls.inputs.get(id));
    }
  }
  return owed;
}

/**
 * `factsToEnter` as the engine's own issues, one `fact-missing` per fact (缺少事实“…”, path /facts/<id>), for a face
 * that lists every empty entry at once — a workbook import names each empty cell, where one scoring run names only
 * the first missing fact of each indicator.
 */
export function missingFactIssues(compiled: CompiledScheme, input: CaseInput): Issue[] {
  return factsToEnter(compiled, input).map((id) => {
    const label = compiled.decls.inputs.get(id)?.label ?? id;
    return factMessages.issue('fact-missing', { label, fact: id, given: false }, { path: pointer('/facts', id), fact: id });
  });
}
