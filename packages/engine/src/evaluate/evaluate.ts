/**
 * `evaluate(compiled, input)`: one department's (or project's) facts in, the score sheet out — every
 * node with points and score, every leaf with the branch taken, its inputs and its arithmetic; the total
 * and the grade. Facts are checked against the declared inputs first. Never throws for bad input: the
 * result is either a sheet or the list of issues.
 */
import { Dec, plain, roundDec, roundingText, showMoney, showNumber, showPercent, showScore, type RoundMode } from '../decimal/dec.ts';
import { issue, pointer, type Issue } from '../errors/issue.ts';
import type { ReviewerEntryT, TargetRowT } from '../format/case-types.ts';
import type { Indicator, Rule } from '../format/scheme-types.ts';
import type { CompiledNode, CompiledScheme } from '../compile/compile.ts';
import { contains } from '../rules/interval.ts';
import { readFact } from '../facts/facts.ts';
import type { ScoreSheet, SheetNode, TraceInput } from '../sheet/types.ts';
import { CannotCompute, type EvalContext, type Value } from './context.ts';

/** What `evaluate` reads: a case document satisfies it. */
export interface CaseInput {
  /** Fact id → value, bare or `{ value, source }`. Percents as fractions (0.95) or "95%". */
  facts: Record<string, unknown>;
  /** Reviewer entries keyed by indicator id or `indicator/part`. */
  reviewer?: Record<string, ReviewerEntryT>;
}

export type EvaluateResult = { ok: true; sheet: ScoreSheet } | { ok: false; issues: Issue[] };

interface Store {
  values: Map<string, Value>;
  origin: Map<string, TraceInput['origin']>;
  failed: Map<string, Issue>;
  metricLine: Map<string, string>;
}

function display(c: CompiledScheme, id: string, d: Dec): string {
  const t = c.decls.typeOf(id);
  if (t === 'percent') return showPercent(d, 2);
  if (t === 'money') return `${showMoney(d)}${c.decls.inputs.get(id)?.unit ?? ''}`;
  const unit = c.decls.inputs.get(id)?.unit;
  return `${showNumber(d)}${unit && unit !== '%' ? unit : ''}`;
}

function makeGetter(c: CompiledScheme, store: Store) {
  const get = (id: string, stack: string[] = []): Value => {
    const have = store.values.get(id);
    if (have) return have;
    const failed = store.failed.get(id);
    if (failed) throw new CannotCompute(failed);
    const input = c.decls.inputs.get(id);
    if (input) {
      if (input.default !== undefined) {
        const r = readFact(input, input.default);
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
      const v = get(s, [...stack, id]);
      if (v.kind !== 'num') throw new CannotCompute(issue('fact-type', `计算指标“${m.metric.label}”需要数值“${s}”`, `metric ${id} needs a number for ${s}`, { fact: s }));
      scope.set(s, v.d);
    }
    let d = m.formula.run(scope);
    const shown = m.formula.substitute(scope, (sid, v) => display(c, sid, v));
    let line: string;
    if (d === null) {
      const z = m.metric.onZeroDenominator;
      if (!z) {
        const err = issue('zero-denominator', `计算指标“${m.metric.label}”时分母为 0（${m.metric.formula} = ${shown}）`, `metric ${id}: division by zero (${shown})`, {
          fact: id,
          path: `/metrics/${[...c.metrics.keys()].indexOf(id)}/formula`,
        });
        store.failed.set(id, err);
        throw new CannotCompute(err);
      }
      d = new Dec(String(z.value).endsWith('%') ? new Dec(String(z.value).slice(0, -1)).div(100) : String(z.value));
      line = `${m.metric.label} = ${shown}，分母为0：${z.text}，取 ${display(c, id, d)}`;
    } else {
      line = `${m.metric.label} = ${shown} = ${display(c, id, d)}`;
      if (m.metric.round) {
        const r = roundDec(d, m.metric.round.places, (m.metric.round.mode ?? 'half-up') as RoundMode);
        if (!r.eq(d)) line += `（${showNumber(d)} ${roundingText(m.metric.round.places, m.metric.round.mode)} → ${plain(r)}）`;
        d = r;
      }
    }
    const v: Value = { kind: 'num', d };
    store.values.set(id, v);
    store.origin.set(id, 'metric');
    store.metricLine.set(id, line);
    return v;
  };
  return get;
}

function makeContext(c: CompiledScheme, store: Store, get: (id: string) => Value, reviewer: Record<string, ReviewerEntryT>, indicator: string, key: string, points: Dec): EvalContext {
  const inputs: TraceInput[] = [];
  const metricLines: string[] = [];
  const seen = new Set<string>();
  const record = (id: string, v: Value) => {
    if (seen.has(id)) return;
    seen.add(id);
    const value = v.kind === 'num' ? plain(v.d) : v.kind === 'bool' ? String(v.b) : v.kind === 'text' ? v.s : `${v.rows.length}行`;
    const shown = v.kind === 'num' ? display(c, id, v.d) : v.kind === 'bool' ? (v.b ? '是' : '否') : value;
    inputs.push({ id, label: c.decls.label(id), value, display: shown, origin: store.origin.get(id) ?? 'fact' });
    const line = store.metricLine.get(id);
    if (line) metricLines.push(line);
  };
  const typed = <K extends Value['kind']>(id: string, kind: K, zh: string): Extract<Value, { kind: K }> => {
    const v = get(id);
    if (v.kind !== kind) throw new CannotCompute(issue('fact-type', `“${c.decls.label(id)}”应为${zh}`, `${id} must be ${kind}`, { indicator, fact: id }));
    // metric dependencies are recorded before the metric itself, so the trace reads in order
    const m = c.metrics.get(id);
    if (m) for (const s of m.formula.symbols) record(s, get(s));
    record(id, v);
    return v as Extract<Value, { kind: K }>;
  };
  return {
    indicator,
    key,
    points,
    inputs,
    metricLines,
    num: (id) => typed(id, 'num', '数值').d,
    bool: (id) => typed(id, 'bool', '是/否').b,
    text: (id) => typed(id, 'text', '文本').s,
    rows: (id): TargetRowT[] => typed(id, 'rows', '指标行').rows,
    reviewer: (k) => reviewer[k ?? key],
    child: (partId, p) => makeContext(c, store, get, reviewer, indicator, partId ? `${key}/${partId}` : key, p),
    show: (id, d) => display(c, id, d),
    label: (id) => c.decls.label(id),
  };
}

/** Every key a reviewer entry may use: leaf indicator ids and `indicator/part` paths of sum rules. */
function reviewerKeys(nodes: Indicator[]): Set<string> {
  const out = new Set<string>();
  const parts = (rule: Rule, key: string) => {
    out.add(key);
    if (rule.kind === 'sum') for (const p of rule.parts) parts(p.rule, `${key}/${p.id}`);
  };
  const walk = (ns: Indicator[]) => ns.forEach((n) => (n.children ? walk(n.children) : n.rule && parts(n.rule, n.id)));
  walk(nodes);
  return out;
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
    const r = readFact(decl, raw);
    if (r.value) {
      store.values.set(id, r.value);
      store.origin.set(id, 'fact');
    } else {
      issues.push(...r.issues);
      store.failed.set(id, r.issues[0]!);
    }
  }
  const reviewer = input.reviewer && typeof input.reviewer === 'object' ? input.reviewer : {};
  const keys = reviewerKeys(c.scheme.indicators);
  for (const k of Object.keys(reviewer)) {
    if (!keys.has(k)) {
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

  const walk = (node: CompiledNode): SheetNode => {
    const out: SheetNode = { id: node.id, name: node.name, level: node.level, points: plain(node.points), score: '0', status: 'computed', warnings: [] };
    if (node.criterion !== undefined) out.criterion = node.criterion;
    if (node.children) {
      out.children = node.children.map(walk);
      const sum = out.children.reduce((a, ch) => a.plus(ch.score), new Dec(0));
      out.score = plain(roundAt('subtotal', sum));
      const st = new Set(out.children.map((ch) => ch.status));
      out.status = st.size === 1 ? [...st][0]! : 'mixed';
      return out;
    }
    const ctx = makeContext(c, store, get, reviewer, node.id, node.id, node.points);
    try {
      const r = node.run!(ctx);
      let score = r.score;
      const arithmetic = [...ctx.metricLines, ...r.arithmetic];
      const rounded = roundAt('leaf', score);
      if (!rounded.eq(score)) arithmetic.push(`${showNumber(score)} → ${showScore(rounded, places)}（${roundingText(places, mode)}）`);
      score = rounded;
      out.score = plain(score);
      out.status = r.status;
      out.trace = { kind: '', branch: r.branch, inputs: ctx.inputs, arithmetic, score: plain(score) };
      if (r.parts) out.trace.parts = r.parts;
      if (r.rows) out.trace.rows = r.rows;
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
  // kind of each leaf's rule, for the trace
  const kinds = new Map<string, string>();
  const collect = (ns: typeof c.scheme.indicators) => ns.forEach((n) => (n.children ? collect(n.children) : n.rule && kinds.set(n.id, n.rule.kind)));
  collect(c.scheme.indicators);
  const setKinds = (ns: SheetNode[]) => ns.forEach((n) => (n.children ? setKinds(n.children) : n.trace && (n.trace.kind = kinds.get(n.id) ?? '')));
  setKinds(nodes);

  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) return { ok: false, issues };
  const total = roundAt('total', nodes.reduce((a, n) => a.plus(n.score), new Dec(0)));
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
