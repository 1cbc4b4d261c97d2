/**
 * `evaluate(compiled, input)`: one department's (or project's) facts in, the score sheet out — every
 * node with points and score, every leaf with the branch taken, its inputs and its arithmetic; the total
 * and the grade. Facts are checked against the declared inputs first. Never throws for bad input: the
 * result is either a sheet or the list of issues.
 */
import { ZERO, plain, roundDec, type Dec } from '../decimal/dec.ts';
import { withDisplayPlaces } from '../display/index.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import { unscoredAt, usedByAt } from '../errors/catalogue.ts';
import { internalIssue } from '../errors/shared.ts';
import { factMessages as m } from '../facts/messages.ts';
import type { ReviewerEntryT } from '../format/case-types.ts';
import type { CompiledNode, CompiledScheme } from '../compile/compile.ts';
import { contains } from '../rules/interval.ts';
import { NO_GRADE_BANDS, NO_MATCHING_GRADE, type ScoreSheet, type SheetNode } from '../sheet/types.ts';
import { CannotCompute } from './context.ts';
import { countedScore, makeTrace } from './trace.ts';
import { Unreadable, factValue } from '../facts/facts.ts';
import { FactStore } from './store.ts';
import { NO_ENTRIES, ReviewerEntries } from './reviewer-entries.ts';
import { LeafContext } from './leaf-context.ts';
import { NO_WARNINGS, failedLeaf, leafNode, parentNode, scoreText } from './sheet-node.ts';
import { applyPolicies, type TotalAdjustment } from './policies.ts';
import { schemeNames } from '../display/scheme-names.ts';
import { factUsers } from './fact-users.ts';

/** What `evaluate` reads: a case document satisfies it. */
export interface CaseInput {
  /** Fact id → value, bare or `{ value, source }`. Percents as fractions (0.95) or "95%". */
  facts: Record<string, unknown>;
  /**
   * Reviewer entries keyed by indicator id or `indicator/part`: `{ score, reason, basis? }` (see
   * ReviewerEntryT). Typed loosely on purpose: evaluate checks every entry itself and reports bad ones.
   */
  reviewer?: Record<string, unknown>;
}

export type EvaluateResult = { ok: true; sheet: ScoreSheet } | { ok: false; issues: Issue[] };

/**
 * Scores one fact set under a compiled scheme.
 * @returns `{ ok: true, sheet }` with every score a decimal string, or `{ ok: false, issues }` naming
 *   each missing/invalid fact, zero denominator or absent judgement (indicator, fact, JSON path).
 */
export function evaluate(compiled: CompiledScheme, input: CaseInput): EvaluateResult {
  try {
    // the texts written while scoring show unrounded values at this scheme's places (display/precision.ts)
    return withDisplayPlaces(compiled.decls.rounding.places, () => run(compiled, input));
  } catch (e) {
    if (e instanceof CannotCompute) return { ok: false, issues: [e.issue] };
    return { ok: false, issues: [internalIssue(e)] };
  }
}

function run(c: CompiledScheme, input: CaseInput): EvaluateResult {
  const issues: Issue[] = [];
  const warnings: string[] = [];
  const notices: Issue[] = [];
  if (!input || typeof input !== 'object' || !input.facts || typeof input.facts !== 'object' || Array.isArray(input.facts)) {
    return { ok: false, issues: [m.issue('facts-missing', {}, { path: '/facts' })] };
  }
  const store = new FactStore(c);
  const facts = input.facts;
  // facts in the order the scheme declares them (so are their issues)
  const keys = Object.keys(facts);
  // A case whose keys are the declared facts in their order (as the editor and the CLI write cases) is
  // read by position from its own values: one Object.values instead of 53 keyed reads, which V8 does
  // through its generic look-up, the key varying (7% of evaluate). Any other case is read key by key.
  const inOrder = sameKeys(keys, declaredKeys(c));
  const values: readonly unknown[] | null = inOrder ? Object.values(facts) : null;
  let given = 0;
  for (let i = 0; i < c.inputs.length; i++) {
    const reader = c.inputs[i]!;
    const raw = values !== null ? values[i] : facts[reader.id];
    if (raw === undefined) continue;
    // an object or function found here may be Object.prototype's (a fact named "constructor"), not the case's
    if (values === null && (typeof raw === 'object' || typeof raw === 'function') && raw !== null && !Object.hasOwn(facts, reader.id)) continue;
    given++;
    // null is "not given": an error only if a rule needs the fact (then it names the indicator)
    if (raw === null || (typeof raw === 'object' && factValue(raw) === null)) continue;
    const r = reader.read(raw);
    if (r instanceof Unreadable) {
      // the message names the indicators that read the fact: （用于指标：政府采购）
      const users = factUsers(c).get(reader.id) ?? [];
      for (const i of r.issues) issues.push(usedByAt(i, users));
      store.fail(reader.slot, r.issues[0]!);
    } else store.put(reader.slot, r);
  }
  // keys the scheme does not declare: only looked for when there are more keys than declared facts found
  if (!inOrder && keys.length !== given) for (const id of keys) if (!c.readers.has(id)) warnings.push(`事实“${id}”未在方案中声明，已忽略（undeclared fact ignored）`);
  const reviewer = reviewerEntries(c, input.reviewer, issues);
  store.reviewer = reviewer;
  const { places, mode, stages } = c.decls.rounding;
  const subtotalRound = stages.includes('subtotal');
  const leafRound = stages.includes('leaf');

  /** Records an issue once (the same code, path and fact is reported once). */
  const report = (e: CannotCompute, node: CompiledNode) => {
    const same = issues.some((i) => i.code === e.issue.code && i.path === e.issue.path && i.fact === e.issue.fact);
    if (!same) issues.push({ ...unscoredAt(e.issue, node.name), indicator: e.issue.indicator ?? node.id });
  };
  const na = c.policies.notApplicable;
  let naPoints = ZERO;
  /** Scores a node into `nodes[i]` and returns its exact score (0 when it could not be computed: the issue is recorded). */
  const walk = (node: CompiledNode, nodes: SheetNode[], i: number): Dec => {
    const clause = na.size ? na.get(node.id) : undefined;
    if (clause) {
      try {
        if (clause.p(new LeafContext(c, store, reviewer, node.id, node.id, node.points))) {
          naPoints = naPoints.plus(node.points);
          nodes[i] = { ...failedLeaf(node), notApplicable: clause.text };
          return ZERO;
        }
      } catch (e) {
        if (!(e instanceof CannotCompute)) throw e;
        report(e, node);
        nodes[i] = failedLeaf(node);
        return ZERO;
      }
    }
    if (node.children) {
      const n = node.children.length;
      const children = new Array<SheetNode>(n);
      let sum = ZERO;
      for (let k = 0; k < n; k++) sum = sum.plus(walk(node.children[k]!, children, k));
      let status = children[0]!.status;
      for (const ch of children) if (ch.status !== status) status = 'mixed';
      const subtotal = subtotalRound ? roundDec(sum, places, mode) : sum;
      nodes[i] = parentNode(node, scoreText(subtotal), status, children);
      return subtotal;
    }
    const ctx = new LeafContext(c, store, reviewer, node.id, node.id, node.points, true);
    try {
      const r = node.run!(ctx);
      const raw = r.score;
      // rounding never lifts a score above its points (9.5 points rounded to whole points stays 9.5)
      const score = countedScore(raw, node.points, c.decls.rounding, leafRound);
      const text = scoreText(score);
      // the trace keeps neither `r` nor `ctx` (nor the Dec): it runs the rule again on the sheet's values when read
      // a coded warning (notice) is shown among the node's warnings too, so every face that shows them shows it
      const warned = r.notices?.length ? [...(r.warnings ?? []), ...r.notices.map((n) => n.message)] : r.warnings;
      if (r.notices?.length) notices.push(...r.notices.map((n) => (n.indicator === undefined ? { ...n, indicator: node.id } : n)));
      nodes[i] = leafNode(node, text, r.status, makeTrace(r, store, node, text), warned, r.reason);
      return score;
    } catch (e) {
      if (!(e instanceof CannotCompute)) throw e;
      report(e, node);
      nodes[i] = failedLeaf(node);
      return ZERO;
    }
  };
  const nodes = new Array<SheetNode>(c.nodes.length);
  let sum = ZERO;
  for (let k = 0; k < c.nodes.length; k++) sum = sum.plus(walk(c.nodes[k]!, nodes, k));

  let adjustments: TotalAdjustment[] | undefined;
  if (c.policies.cap || naPoints.gt(ZERO)) {
    try {
      const ctx = c.policies.cap ? new LeafContext(c, store, reviewer, '', '', c.totalPoints) : null;
      const r = applyPolicies(c.policies, sum, c.totalPoints, naPoints, ctx);
      if (r.issue) issues.push(r.issue);
      sum = r.total;
      if (r.steps.length) adjustments = r.steps;
    } catch (e) {
      if (!(e instanceof CannotCompute)) throw e;
      issues.push({ ...e.issue, path: e.issue.path ?? '/totalCap' });
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  // the sheet's traces work out again the metrics their rules read, when read: the kept sheet holds the facts only
  store.forgetMetrics();
  const total = stages.includes('total') ? roundDec(sum, places, mode) : sum;
  const band = c.grades.find((g) => contains(g.bounds, total));
  const shared = sheetConstants(c);
  return {
    ok: true,
    sheet: {
      scheme: shared.scheme,
      total: scoreText(total),
      totalPoints: shared.totalPoints,
      places,
      grade: band?.grade ?? (c.grades.length ? NO_MATCHING_GRADE : NO_GRADE_BANDS),
      nodes,
      // none: the shared frozen empty list (as a node's)
      warnings: warnings.length ? warnings : NO_WARNINGS,
      ...(adjustments ? { adjustments } : {}),
      ...(notices.length ? { issues: notices } : {}),
    },
  };
}

/** What every sheet of a compiled scheme shows alike, made once per compiled scheme (see `sheetConstants`). */
interface SheetConstants {
  scheme: ScoreSheet['scheme'];
  totalPoints: string;
}
const CONSTANTS = new WeakMap<CompiledScheme, SheetConstants>();

/**
 * The scheme's identity and total points as every sheet of it shows them: one frozen object shared by
 * the sheets of a compiled scheme rather than a new one in each (a batch may keep 100,000 sheets).
 */
function sheetConstants(c: CompiledScheme): SheetConstants {
  let k = CONSTANTS.get(c);
  if (k === undefined) {
    const { id, year, version, title } = c.scheme;
    k = { scheme: Object.freeze({ id, year, version, title }), totalPoints: plain(c.totalPoints) };
    CONSTANTS.set(c, k);
  }
  return k;
}

const DECLARED_KEYS = new WeakMap<CompiledScheme, readonly string[]>();

/**
 * The declared facts' ids, in declaration order, as property keys: V8 keeps one internalized copy of a
 * key's text, which `Object.keys` of every case gives back, so `sameKeys` compares them by pointer
 * rather than character by character. Made once per compiled scheme.
 */
function declaredKeys(c: CompiledScheme): readonly string[] {
  let k = DECLARED_KEYS.get(c);
  if (k === undefined) {
    k = c.inputs.map((r) => Object.keys({ [r.id]: 0 })[0]!);
    DECLARED_KEYS.set(c, k);
  }
  return k;
}

/** Whether a case's keys are exactly the declared facts' ids, in their order. */
function sameKeys(keys: readonly string[], declared: readonly string[]): boolean {
  if (keys.length !== declared.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== declared[i]) return false;
  return true;
}

/** The case's reviewer entries, each checked to be an object on a key the scheme has. */
function reviewerEntries(c: CompiledScheme, given: unknown, issues: Issue[]): ReviewerEntries {
  if (!given || typeof given !== 'object') return NO_ENTRIES;
  const pairs: (string | ReviewerEntryT)[] = [];
  for (const k of Object.keys(given)) {
    const e = (given as Record<string, unknown>)[k];
    if (e && typeof e === 'object' && !Array.isArray(e)) pairs.push(k, e as ReviewerEntryT);
    else {
      issues.push(m.issue('reviewer-entry', { key: k, name: schemeNames(c.scheme).reviewer.get(k), value: String(JSON.stringify(e)) }, { path: pointer('/reviewer', k) }));
    }
  }
  for (let i = 0; i < pairs.length; i += 2) {
    const k = pairs[i] as string;
    if (!c.reviewerKeys.has(k) && ![...c.reviewerPrefixes].some((p) => k.startsWith(p) && k.length > p.length)) {
      issues.push(m.issue('reviewer-unknown-key', { key: k }, { path: pointer('/reviewer', k) }));
    }
  }
  return pairs.length ? new ReviewerEntries(pairs) : NO_ENTRIES;
}
