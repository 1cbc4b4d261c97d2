/**
 * Impact preview (影响预览): a draft scheme against the version it is based on, over real cases —
 * per case the total before and after, the change and the grade change; per indicator the average
 * change; the score distribution before/after. Every score is a decimal string. Pure: the CLI and
 * the editor load the cases and compile the two schemes.
 */
import { Dec, plain, roundDec } from '../decimal/dec.ts';
import type { Issue } from '../errors/issue.ts';
import { internalIssue } from '../errors/shared.ts';
import type { CompiledScheme } from '../compile/compile.ts';
import { evaluate, type CaseInput } from '../evaluate/evaluate.ts';
import type { ScoreSheet, SheetNode } from '../sheet/types.ts';
import { distribution, DEFAULT_EDGES, type Distribution } from './distribution.ts';

/** One case to simulate: its facts and reviewer entries (a case document satisfies `input`). */
export interface SimulationCase {
  /** How the case is named in results, e.g. its path `cases/2024/shenzhen-commerce.json`. */
  id: string;
  /** 案例名称 or 项目名称 (the case's `name`). */
  name: string;
  /** The scheme the case itself names (informational: every case is scored under both versions). */
  scheme?: { id: string; year: number };
  input: CaseInput;
}

/** A case scored under one version: total and grade, or why it could not be scored. */
export type SideOutcome = { ok: true; total: string; grade: string } | { ok: false; issues: Issue[] };

export interface CaseImpact {
  id: string;
  name: string;
  scheme?: { id: string; year: number };
  before: SideOutcome;
  after: SideOutcome;
  /** after − before (分), null unless both scored. */
  change: string | null;
  /** Whether the grade differs, null unless both scored. */
  gradeChanged: boolean | null;
  /** Indicators (any level) whose score differs, in the draft's order. */
  indicators: { id: string; name: string; before: string | null; after: string | null; change: string }[];
}

export interface IndicatorImpact {
  id: string;
  name: string;
  /** 1 = 一级指标 … (in the draft, else in the baseline). */
  level: number;
  /** 分值 in each version; null where the indicator does not exist. */
  pointsBefore: string | null;
  pointsAfter: string | null;
  /** Average score over the cases scored under both versions (an absent indicator counts 0). */
  averageBefore: string;
  averageAfter: string;
  averageChange: string;
  /** How many cases the averages are over. */
  cases: number;
}

export interface SimulationResult {
  /** 说明：每个案例均按两个版本分别计分，不论案例本身标注的方案年度。 */
  note: string;
  noteEn: string;
  baseline: { id: string; year: number; version: string; status: string };
  draft: { id: string; year: number; version: string; status: string };
  cases: CaseImpact[];
  indicators: IndicatorImpact[];
  distribution: Distribution;
  summary: {
    cases: number;
    /** Scored under both versions. */
    scored: number;
    /** Could not be scored under one version or both (see each case's issues). */
    failed: number;
    raised: number;
    lowered: number;
    unchanged: number;
    gradeChanged: number;
    averageBefore: string | null;
    averageAfter: string | null;
    averageChange: string | null;
  };
}

/** Decimal places of averages (scores have 2; averages keep 4 so a 0.01 change over 3 cases still shows). */
export const AVERAGE_PLACES = 4;

const avg = (sum: Dec, n: number) => plain(roundDec(sum.div(n), AVERAGE_PLACES));

function score(compiled: CompiledScheme, input: CaseInput): { outcome: SideOutcome; sheet?: ScoreSheet } {
  try {
    const r = evaluate(compiled, input);
    if (!r.ok) return { outcome: { ok: false, issues: r.issues } };
    return { outcome: { ok: true, total: r.sheet.total, grade: r.sheet.grade }, sheet: r.sheet };
  } catch (e) {
    // any: evaluate promises not to throw; a defect of ours is still reported as data
    return { outcome: { ok: false, issues: [internalIssue(e)] } };
  }
}

function scoresOf(sheet: ScoreSheet | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ns: SheetNode[]) => {
    for (const n of ns) {
      out.set(n.id, n.score);
      if (n.children) walk(n.children);
    }
  };
  if (sheet) walk(sheet.nodes);
  return out;
}

/** Indicator id → name, level, points, in document order. */
function indicatorList(c: CompiledScheme): { id: string; name: string; level: number; points: string }[] {
  const out: { id: string; name: string; level: number; points: string }[] = [];
  const walk = (ns: CompiledScheme['nodes']) => {
    for (const n of ns) {
      out.push({ id: n.id, name: n.name, level: n.level, points: plain(n.points) });
      if (n.children) walk(n.children);
    }
  };
  walk(c.nodes);
  return out;
}

/**
 * Scores every case under the baseline (before) and the draft (after). A case names a scheme year,
 * but here every case is scored under both versions regardless (the result's `note` says so).
 * Cases that cannot be scored under a version (e.g. the draft needs a fact the case lacks, or a new
 * judgement item has no reviewer score) are listed with their issues and left out of the averages
 * and the distribution of that version.
 * @param options.edges band edges of the distribution (default 60, 70, 80, 90).
 */
export function simulate(draft: CompiledScheme, baseline: CompiledScheme, cases: readonly SimulationCase[], options: { edges?: string[] } = {}): SimulationResult {
  const listA = indicatorList(baseline);
  const listB = indicatorList(draft);
  const inA = new Map(listA.map((n) => [n.id, n]));
  const inB = new Map(listB.map((n) => [n.id, n]));
  const order = [...listB, ...listA.filter((n) => !inB.has(n.id))];

  const sums = new Map<string, { before: Dec; after: Dec }>(order.map((n) => [n.id, { before: new Dec(0), after: new Dec(0) }]));
  const results: CaseImpact[] = [];
  const totalsBefore: string[] = [];
  const totalsAfter: string[] = [];
  let scored = 0;
  let sumBefore = new Dec(0);
  let sumAfter = new Dec(0);
  for (const c of cases) {
    const a = score(baseline, c.input);
    const b = score(draft, c.input);
    if (a.outcome.ok) totalsBefore.push(a.outcome.total);
    if (b.outcome.ok) totalsAfter.push(b.outcome.total);
    const r: CaseImpact = { id: c.id, name: c.name, before: a.outcome, after: b.outcome, change: null, gradeChanged: null, indicators: [] };
    if (c.scheme) r.scheme = c.scheme;
    if (a.outcome.ok && b.outcome.ok) {
      scored++;
      const ta = new Dec(a.outcome.total);
      const tb = new Dec(b.outcome.total);
      sumBefore = sumBefore.plus(ta);
      sumAfter = sumAfter.plus(tb);
      r.change = plain(tb.minus(ta));
      r.gradeChanged = a.outcome.grade !== b.outcome.grade;
      const sa = scoresOf(a.sheet);
      const sb = scoresOf(b.sheet);
      for (const n of order) {
        const x = sa.get(n.id);
        const y = sb.get(n.id);
        const dx = new Dec(x ?? 0);
        const dy = new Dec(y ?? 0);
        const s = sums.get(n.id)!;
        s.before = s.before.plus(dx);
        s.after = s.after.plus(dy);
        if (!dx.eq(dy) || (x === undefined) !== (y === undefined)) r.indicators.push({ id: n.id, name: n.name, before: x ?? null, after: y ?? null, change: plain(dy.minus(dx)) });
      }
    }
    results.push(r);
  }
  const indicators: IndicatorImpact[] = order.map((n) => {
    const s = sums.get(n.id)!;
    return {
      id: n.id,
      name: n.name,
      level: n.level,
      pointsBefore: inA.get(n.id)?.points ?? null,
      pointsAfter: inB.get(n.id)?.points ?? null,
      averageBefore: scored ? avg(s.before, scored) : '0',
      averageAfter: scored ? avg(s.after, scored) : '0',
      averageChange: scored ? avg(s.after.minus(s.before), scored) : '0',
      cases: scored,
    };
  });
  const both = results.filter((r) => r.change !== null);
  const meta = (c: CompiledScheme) => ({ id: c.scheme.id, year: c.scheme.year, version: c.scheme.version, status: c.scheme.status });
  return {
    note: `模拟说明：每个案例均按基准方案（${baseline.scheme.year}年）与草稿（${draft.scheme.year}年）分别计分，不论案例本身标注的方案年度。`,
    noteEn: 'Every case is scored under both versions, whatever scheme year the case itself names.',
    baseline: meta(baseline),
    draft: meta(draft),
    cases: results,
    indicators,
    distribution: distribution(totalsBefore, totalsAfter, plain(draft.totalPoints), options.edges ?? DEFAULT_EDGES),
    summary: {
      cases: cases.length,
      scored,
      failed: cases.length - scored,
      raised: both.filter((r) => new Dec(r.change!).gt(0)).length,
      lowered: both.filter((r) => new Dec(r.change!).lt(0)).length,
      unchanged: both.filter((r) => new Dec(r.change!).eq(0)).length,
      gradeChanged: both.filter((r) => r.gradeChanged).length,
      averageBefore: scored ? avg(sumBefore, scored) : null,
      averageAfter: scored ? avg(sumAfter, scored) : null,
      averageChange: scored ? avg(sumAfter.minus(sumBefore), scored) : null,
    },
  };
}
