/**
 * `evaluate(compiled, input)`: one department's (or project's) facts in, the score sheet out — every
 * node with points and score, every leaf with the branch taken, its inputs and its arithmetic; the total
 * and the grade. Facts are checked against the declared inputs first. Never throws for bad input: the
 * result is either a sheet or the list of issues.
 */
import { Dec, ZERO, plain, roundDec, roundingText, showMoney, showNumber, showPercent, showScore, toDec, type RoundMode } from '../decimal/dec.ts';
import { issue, pointer, type Issue } from '../errors/issue.ts';
import type { ReviewerEntryT, TargetRowT } from '../format/case-types.ts';
import type { CompiledNode, CompiledScheme } from '../compile/compile.ts';
import { contains } from '../rules/interval.ts';
import type { ScoreSheet, SheetNode, TraceInput } from '../sheet/types.ts';
import { CannotCompute, type EvalContext, type Line, type Value } from './context.ts';
import { makeTrace } from './trace.ts';
import { factValue } from '../facts/facts.ts';

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

interface Store {
  values: Map<string, Value>;
  origin: Map<string, TraceInput['origin']>;
  failed: Map<string, Issue>;
  metricLine: Map<string, Line>;
}

function show(c: CompiledScheme, id: string, d: Dec): string {
  const t = c.decls.typeOf(id);
  if (t === 'percent') return showPercent(d, 2);
  if (t === 'money') return `${showMoney(d)}${c.decls.inputs.get(id)?.unit ?? ''}`;
  const unit = c.decls.inputs.get(id)?.unit;
  return `${showNumber(d)}${unit && unit !== '%' ? unit : ''}`;
}

const metricIndex = new WeakMap<CompiledScheme, Map<string, number>>();
function metricPath(c: CompiledScheme, id: string): string {
  let m = metricIndex.get(c);
  if (!m) {
    m = new Map((c.scheme.metrics ?? []).map((x, i) => [x.id, i]));
    metricIndex.set(c, m);
  }
  return `/metrics/${m.get(id) ?? 0}/formula`;
}

function makeGetter(c: CompiledScheme, store: Store) {
  const get = (id: string): Value => {
    const have = store.values.get(id);
    if (have) return have;
    const failed = store.failed.get(id);
    if (failed) throw new CannotCompute(failed);
    const input = c.decls.inputs.get(id);
    if (input) {
      if (input.default !== undefined) {
        const r = c.readers.get(id)!(input.default);
        if (r.value) {
          store.values.set(id, r.value);
          store.origin.set(id, 'default');
          return r.value;
        }
      }
      const miss = issue('fact-missing', `缺少事实“${input.label}”（${id}）`, `missing fact "${id}"`, { path: pointer('/facts', id), fact: id });
      store.failed.set(id, miss);
      throw new CannotCompute(miss);
    }
    const m = c.metrics.get(id);
    if (!m) throw new CannotCompute(issue('undeclared-fact', `未声明的事实“${id}”`, `undeclared fact "${id}"`, { fact: id }));
    const scope = new Map<string, Dec>();
    for (const s of m.formula.symbols) {
      const v = get(s);
      if (v.kind !== 'num') throw new CannotCompute(issue('fact-type', `计算指标“${m.metric.label}”需要数值“${s}”`, `metric ${id} needs a number for ${s}`, { fact: s }));
      scope.set(s, v.d);
    }
    let d = m.formula.run(scope);
    const shown = () => m.formula.substitute(scope, (sid, v) => show(c, sid, v));
    let line: Line;
    if (d === null) {
      const z = m.metric.onZeroDenominator;
      if (!z) {
        const err = issue('zero-denominator', `计算指标“${m.metric.label}”时分母为 0（${m.metric.formula} = ${shown()}）`, `metric ${id}: division by zero (${shown()})`, {
          fact: id,
          path: metricPath(c, id),
        });
        store.failed.set(id, err);
        throw new CannotCompute(err);
      }
      const zero = toDec(z.value) ?? new Dec(0);
      d = zero;
      line = () => `${m.metric.label} = ${shown()}，分母为0：${z.text}，取 ${show(c, id, zero)}`;
    } else {
      const exact = d;
      const round = m.metric.round;
      if (round) d = roundDec(d, round.places, (round.mode ?? 'half-up') as RoundMode);
      const final = d;
      line = () => {
        let text = `${m.metric.label} = ${shown()} = ${show(c, id, exact)}`;
        if (round && !final.eq(exact)) text += `（${showNumber(exact)} ${roundingText(round.places, round.mode)} → ${plain(final)}）`;
        return text;
      };
    }
    const v: Value = { kind: 'num', d };
    store.values.set(id, v);
    store.origin.set(id, 'metric');
    store.metricLine.set(id, line);
    return v;
  };
  return get;
}

const KIND_ZH: Record<Value['kind'], string> = { num: '数值', bool: '是/否', text: '文本', rows: '指标行' };

/** The evaluation context of one leaf (or part): typed fact access that records what the rule read. */
class LeafContext implements EvalContext {
  readonly metricLines: Line[] = [];
  private readonly read: { id: string; v: Value }[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly c: CompiledScheme,
    private readonly store: Store,
    private readonly get: (id: string) => Value,
    private readonly entries: Record<string, ReviewerEntryT>,
    readonly indicator: string,
    readonly key: string,
    readonly points: Dec,
  ) {}

  private record(id: string, v: Value): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.read.push({ id, v });
    const line = this.store.metricLine.get(id);
    if (line) this.metricLines.push(line);
  }

  traceInputs(): TraceInput[] {
    const c = this.c;
    return this.read.map(({ id, v }) => {
      const value = v.kind === 'num' ? plain(v.d) : v.kind === 'bool' ? String(v.b) : v.kind === 'text' ? v.s : `${v.rows.length}行`;
      const display = v.kind === 'num' ? show(c, id, v.d) : v.kind === 'bool' ? (v.b ? '是' : '否') : value;
      return { id, label: c.decls.label(id), value, display, origin: this.store.origin.get(id) ?? 'fact' };
    });
  }

  private typed<K extends Value['kind']>(id: string, kind: K): Extract<Value, { kind: K }> {
    const v = this.get(id);
    if (v.kind !== kind) {
      throw new CannotCompute(issue('fact-type', `“${this.c.decls.label(id)}”应为${KIND_ZH[kind]}`, `${id} must be ${kind}`, { indicator: this.indicator, fact: id }));
    }
    // a metric's own inputs are recorded before the metric, so the trace reads in order
    const m = this.c.metrics.get(id);
    if (m) for (const s of m.formula.symbols) this.record(s, this.get(s));
    this.record(id, v);
    return v as Extract<Value, { kind: K }>;
  }

  num(id: string): Dec {
    return this.typed(id, 'num').d;
  }
  bool(id: string): boolean {
    return this.typed(id, 'bool').b;
  }
  text(id: string): string {
    return this.typed(id, 'text').s;
  }
  rows(id: string): TargetRowT[] {
    return this.typed(id, 'rows').rows;
  }
  reviewer(k?: string): ReviewerEntryT | undefined {
    return this.entries[k ?? this.key];
  }
  child(partId: string, p: Dec): EvalContext {
    return new LeafContext(this.c, this.store, this.get, this.entries, this.indicator, partId ? `${this.key}/${partId}` : this.key, p);
  }
  show(id: string, d: Dec): string {
    return show(this.c, id, d);
  }
  label(id: string): string {
    return this.c.decls.label(id);
  }
}

/**
 * Scores one fact set under a compiled scheme.
 * @returns `{ ok: true, sheet }` with every score a decimal string, or `{ ok: false, issues }` naming
 *   each missing/invalid fact, zero denominator or absent judgement (indicator, fact, JSON path).
 */
export function evaluate(compiled: CompiledScheme, input: CaseInput): EvaluateResult {
  try {
    return run(compiled, input);
  } catch (e) {
    if (e instanceof CannotCompute) return { ok: false, issues: [e.issue] };
    return { ok: false, issues: [{ code: 'internal', severity: 'error', message: `内部错误：${String(e)}`, messageEn: `internal error: ${String(e)}`, path: '' }] };
  }
}

function run(c: CompiledScheme, input: CaseInput): EvaluateResult {
  const issues: Issue[] = [];
  const warnings: string[] = [];
  if (!input || typeof input !== 'object' || !input.facts || typeof input.facts !== 'object' || Array.isArray(input.facts)) {
    return { ok: false, issues: [issue('facts-missing', '案例缺少 facts（事实）对象', 'the case has no "facts" object', { path: '/facts' })] };
  }
  const store: Store = { values: new Map(), origin: new Map(), failed: new Map(), metricLine: new Map() };
  for (const [id, raw] of Object.entries(input.facts)) {
    const decl = c.decls.inputs.get(id);
    if (!decl) {
      warnings.push(`事实“${id}”未在方案中声明，已忽略（undeclared fact ignored）`);
      continue;
    }
    // null is "not given": an error only if a rule needs the fact (then it names the indicator)
    if (factValue(raw) === null) continue;
    const r = c.readers.get(id)!(raw);
    if (r.value) {
      store.values.set(id, r.value);
      store.origin.set(id, 'fact');
    } else {
      issues.push(...r.issues);
      store.failed.set(id, r.issues[0]!);
    }
  }
  const reviewer: Record<string, ReviewerEntryT> = {};
  for (const [k, e] of Object.entries(input.reviewer && typeof input.reviewer === 'object' ? input.reviewer : {})) {
    if (e && typeof e === 'object' && !Array.isArray(e)) reviewer[k] = e as ReviewerEntryT;
    else {
      issues.push(
        issue('reviewer-entry', `评审录入“${k}”应为对象 {"score": 得分, "reason": "理由"}，实际为 ${JSON.stringify(e)}`, `reviewer entry "${k}" must be an object {score, reason}, got ${JSON.stringify(e)}`, {
          path: pointer('/reviewer', k),
        }),
      );
    }
  }
  for (const k of Object.keys(reviewer)) {
    if (!c.reviewerKeys.has(k)) {
      issues.push(
        issue('reviewer-unknown-key', `评审录入“${k}”不对应方案中的任何末级指标或分项（可用：指标标识，或“指标标识/分项标识”）`, `reviewer entry "${k}" matches no leaf indicator or part`, {
          path: pointer('/reviewer', k),
        }),
      );
    }
  }
  const get = makeGetter(c, store);
  const { places, mode, stages } = c.decls.rounding;
  const roundAt = (stage: string, d: Dec) => (stages.includes(stage) ? roundDec(d, places, mode) : d);

  // exact scores beside the sheet's strings, so sums never re-parse text
  const exact = new Map<SheetNode, Dec>();
  const walk = (node: CompiledNode): SheetNode => {
    const out: SheetNode = { id: node.id, name: node.name, level: node.level, points: node.pointsText, score: '0', status: 'computed', warnings: [] };
    if (node.criterion !== undefined) out.criterion = node.criterion;
    if (node.children) {
      const children = node.children.map(walk);
      out.children = children;
      let sum = ZERO;
      let status = children[0]!.status;
      for (const ch of children) {
        sum = sum.plus(exact.get(ch) ?? ZERO);
        if (ch.status !== status) status = 'mixed';
      }
      const subtotal = roundAt('subtotal', sum);
      exact.set(out, subtotal);
      out.score = plain(subtotal);
      out.status = status;
      return out;
    }
    const ctx = new LeafContext(c, store, get, reviewer, node.id, node.id, node.points);
    try {
      const r = node.run!(ctx);
      let score = r.score;
      const arithmetic = [...ctx.metricLines, ...r.arithmetic];
      // rounding never lifts a score above its points (9.5 points rounded to whole points stays 9.5)
      const rounded = Dec.min(roundAt('leaf', score), node.points);
      if (!rounded.eq(score)) {
        const before = score;
        arithmetic.push(() => `${showNumber(before)} → ${showScore(rounded, places)}（${roundingText(places, mode)}）`);
      }
      score = rounded;
      exact.set(out, score);
      out.score = plain(score);
      out.status = r.status;
      out.trace = makeTrace({ kind: node.kind ?? '', branch: r.branch, inputs: () => ctx.traceInputs(), arithmetic, score, ...(r.parts ? { parts: r.parts } : {}), ...(r.rows ? { rows: r.rows } : {}) });
      if (r.reason) out.reason = r.reason;
      if (r.warnings) out.warnings.push(...r.warnings);
    } catch (e) {
      if (!(e instanceof CannotCompute)) throw e;
      const same = issues.some((i) => i.code === e.issue.code && i.path === e.issue.path && i.fact === e.issue.fact);
      if (!same) issues.push({ ...e.issue, indicator: e.issue.indicator ?? node.id, message: `指标“${node.name}”无法计分：${e.issue.message}` });
    }
    return out;
  };
  const nodes = c.nodes.map(walk);

  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) return { ok: false, issues };
  const total = roundAt('total', nodes.reduce((a, n) => a.plus(exact.get(n) ?? ZERO), ZERO));
  const band = c.grades.find((g) => contains(g.bounds, total));
  return {
    ok: true,
    sheet: {
      scheme: { id: c.scheme.id, year: c.scheme.year, version: c.scheme.version, title: c.scheme.title },
      total: plain(total),
      totalPoints: plain(c.totalPoints),
      grade: band?.grade ?? '（无对应等级）',
      nodes,
      warnings,
    },
  };
}
