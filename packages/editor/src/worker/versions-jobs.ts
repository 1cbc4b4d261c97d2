/**
 * The versions worker's work (pure, so tests call it directly): the engine's `simulate` of a draft
 * against its baseline, and `diffSchemes` between two versions. No scoring or comparing logic here.
 */
import { compile, contentHash, diffSchemes, evaluate, renderCriterion, selfEvalTotalRow, simulate, versionMessages, type Indicator, type SelfScored, type Issue, type Scheme, type ScoreStatus, type SheetNode } from '@jixiao/engine';
import type { BatchCase, BatchJob, BatchOutcome, CaseReach, ChangedIndicator, DiffJob, DiffOutcome, ImpactJob, ImpactOutcome, IndicatorSide, ReachJob, ReachOutcome } from './versions-protocol.ts';

/** Warns when the baseline's content is not what the draft records it was made from. */
function baselineWarnings(draft: unknown, baseline: unknown): Issue[] {
  const b = (draft as { basedOn?: { year?: unknown; hash?: unknown } } | null)?.basedOn;
  const year = (baseline as { year?: unknown } | null)?.year;
  if (!b || typeof b.hash !== 'string' || b.year !== year || typeof year !== 'number') return [];
  try {
    if (contentHash(baseline) === b.hash) return [];
  } catch {
    return [];
  }
  return [versionMessages.issue('baseline-changed', { base: year }, { path: '/basedOn/hash' })];
}

export function runImpact(job: ImpactJob): ImpactOutcome {
  const d = compile(job.draft);
  if (!d.ok) return { kind: 'impact', ok: false, side: 'draft', issues: d.issues };
  const b = compile(job.baseline);
  if (!b.ok) return { kind: 'impact', ok: false, side: 'baseline', issues: b.issues };
  return { kind: 'impact', ok: true, result: simulate(d.compiled, b.compiled, job.cases), warnings: baselineWarnings(job.draft, job.baseline) };
}

function findIndicator(list: Indicator[] | undefined, id: string): Indicator | null {
  for (const n of list ?? []) {
    if (n.id === id) return n;
    const hit = findIndicator(n.children, id);
    if (hit) return hit;
  }
  return null;
}

function sideOf(doc: Scheme, id: string): IndicatorSide | null {
  const n = findIndicator(doc.indicators, id);
  if (!n) return null;
  let criterion: string | null;
  try {
    criterion = n.rule ? renderCriterion(doc, id) : null;
  } catch {
    criterion = null;
  }
  return { name: n.name, points: n.points, criterion };
}

export function runDiff(job: DiffJob): DiffOutcome {
  try {
    const a = job.a as Scheme;
    const b = job.b as Scheme;
    const changes = diffSchemes(a, b);
    const ids = [...new Set(changes.map((c) => c.indicator).filter((x): x is string => typeof x === 'string'))];
    const indicators: ChangedIndicator[] = ids.map((id) => ({ id, a: sideOf(a, id), b: sideOf(b, id) }));
    return { kind: 'diff', ok: true, changes, indicators };
  } catch (e) {
    return { kind: 'diff', ok: false, message: `文档结构不完整，无法逐项比较（请先修正方案错误）：${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Scores every case under the draft and keeps, per leaf, how its score was established: `computed`
 * by the rule, or `unverified`/`judgement`/`mixed` from the reviewer's entry in the case (a rule
 * change does not move those), `exempt`/`vetoed` by the case's standing.
 */
export function runReach(job: ReachJob): ReachOutcome {
  const d = compile(job.draft);
  if (!d.ok) return { kind: 'reach', ok: false, message: d.issues.find((i) => i.severity === 'error')?.message ?? '方案有错误，无法计分' };
  const cases = job.cases.map((c): CaseReach => {
    const r = evaluate(d.compiled, c.input);
    if (!r.ok) return { id: c.id, name: c.name, ok: false, message: r.issues[0]?.message ?? '无法计分' };
    const status: Record<string, ScoreStatus> = {};
    const visit = (nodes: SheetNode[]): void => {
      for (const n of nodes) {
        if (n.children?.length) visit(n.children);
        else status[n.id] = n.status;
      }
    };
    visit(r.sheet.nodes);
    return { id: c.id, name: c.name, ok: true, status };
  });
  return { kind: 'reach', ok: true, cases };
}

/**
 * Scores every case of a batch under one scheme (the engine's evaluate, compiled once): per case the
 * total, grade and the top-level indicators' scores (decimal strings, shown by the page with showScore),
 * and for a project case its 自评总分 (`selfTotal`, see BatchJob).
 */
export function runBatch(job: BatchJob): BatchOutcome {
  const c = compile(job.scheme);
  if (!c.ok) return { kind: 'batch', ok: false, issues: c.issues };
  const indicators = c.compiled.nodes.map((n) => ({ id: n.id, name: n.name, points: n.pointsText }));
  const cases = job.cases.map((k): BatchCase => {
    const r = evaluate(c.compiled, k.input);
    if (!r.ok) return { id: k.id, name: k.name, ok: false, issues: r.issues };
    const scores: Record<string, string> = {};
    for (const n of r.sheet.nodes) scores[n.id] = n.score;
    if (!Array.isArray(k.rows)) return { id: k.id, name: k.name, ok: true, total: r.sheet.total, grade: r.sheet.grade, scores };
    // a project case: its 自评总分 as the 自评表's 总分 row shows it, from the self-scores as entered
    const row = selfEvalTotalRow(r.sheet, k.rows as SelfScored[], k.reported);
    const selfTotal = { self: row.self === null ? null : row.self.toString(), note: row.note };
    return { id: k.id, name: k.name, ok: true, total: r.sheet.total, grade: r.sheet.grade, scores, selfTotal };
  });
  return { kind: 'batch', ok: true, places: c.compiled.decls.rounding.places, indicators, cases };
}
