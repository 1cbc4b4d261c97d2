/**
 * The rule kinds, one line each (`RULE_KIND_LIST`), and what every rule may carry whatever its kind:
 * 免评 (exempt → full points), 一票否决 (veto → 0), a reviewer's override where the report withholds facts,
 * the score's bounds (0 … points) and the rule's own rounding.
 *
 * `createRegistry(kinds)` makes a registry of any list of kind definitions; the engine runs on `RULES`, the
 * registry of `RULE_KIND_LIST`. The scheme format (format/scheme-types.ts), the ajv per-kind validators,
 * the kind names of the CLI and the editor and the diff all read this list.
 */
import { Dec, ZERO, lesser, plain, roundDec, roundingText, showNumber, toPlainDec } from '../decimal/dec.ts';
import type { Issue } from '../errors/issue.ts';
import { CannotCompute, type RuleRun } from '../evaluate/context.ts';
import { compileCondition, conditionRefs } from '../conditions/condition.ts';
import { checkCondition } from '../conditions/check.ts';
import { itemNo, prose, type AnyKind, type CompiledRule, type NestedRule, type RuleLike, type RuleOps, type RuleSite } from './kind.ts';
import { enteredScore, ruleMessages as messages } from './messages.ts';
import { tiers } from './tiers/index.ts';
import { ratio } from './ratio/index.ts';
import { checklist } from './checklist/index.ts';
import { deduction } from './deduction/index.ts';
import { linearPenalty } from './linear-penalty/index.ts';
import { options } from './options/index.ts';
import { formula } from './formula/index.ts';
import { sum } from './sum/index.ts';
import { judgement } from './judgement/index.ts';
import { targets } from './targets/index.ts';
import { completion } from './completion/index.ts';
import { choice } from './choice/index.ts';
import { cases } from './cases/index.ts';
import { experts } from './experts/index.ts';
import { milestones } from './milestones/index.ts';
import { bands } from './bands/index.ts';
import { deptTargets } from './dept-targets/index.ts';

/**
 * Every rule kind of the scheme format, one line each, in the order the editor offers them. Adding a
 * kind: its folder (`rules/<kind>/index.ts`) and one line here (packages/engine/README.md).
 */
export const RULE_KIND_LIST = [
  tiers, ratio, checklist, deduction, linearPenalty, options, formula, sum, judgement, targets,
  // issue 10, items 6–13 (rules-b)
  completion, choice, cases, experts, milestones, bands, deptTargets,
] as const;

/** A set of rule kinds and the operations on a rule of any of them, modifiers included. */
export interface RuleRegistry extends RuleOps {
  /** The kinds, in order. */
  readonly kinds: readonly AnyKind[];
  /** The definition of a kind, or undefined when there is no such kind. */
  get(kind: string): AnyKind | undefined;
  /** Chinese name of a kind (分档计分, …), or undefined when there is no such kind. */
  name(kind: string): string | undefined;
  /** Numbered items the rule renders itself (modifier clauses continue the numbering). */
  itemCount(rule: RuleLike): number;
  /** Rules nested in a rule (分项合计's parts), scored under reviewer keys `<key>/<id>`. */
  parts(rule: RuleLike): readonly NestedRule[];
}

/**
 * A registry of the given kinds. The engine's is `RULES`; a test may make one with a kind more
 * (`createRegistry([...RULE_KIND_LIST, toy])`) without changing the scheme format.
 * @throws Error when two definitions claim the same `kind` (a programming error).
 */
export function createRegistry(kinds: readonly AnyKind[]): RuleRegistry {
  const byKind = new Map<string, AnyKind>();
  for (const k of kinds) {
    if (byKind.has(k.kind)) throw new Error(`rule kind "${k.kind}" is registered twice`);
    byKind.set(k.kind, k);
  }
  const reg: RuleRegistry = {
    kinds,
    get: (kind) => byKind.get(kind),
    name: (kind) => byKind.get(kind)?.names.zh,
    check: (rule, site) => checkRule(rule, site, reg),
    maxScore: (rule, site) => ruleMax(rule, site, reg),
    compile: (rule, site) => compileRule(rule, site, reg),
    render: (rule, site) => renderRule(rule, site, reg),
    refs: (rule) => ruleRefs(rule, reg),
    itemCount: (rule) => itemCount(rule, reg),
    parts: (rule) => kindOf(rule, reg).parts?.(rule) ?? [],
  };
  return reg;
}

function kindOf(rule: RuleLike, reg: RuleRegistry): AnyKind {
  const k = reg.get(rule.kind);
  // the scheme's JSON Schema admits only registered kinds, so this is a defect of ours
  if (!k) throw new Error(`unknown rule kind "${rule.kind}"`);
  return k;
}

/** Fact and metric ids a rule reads, including veto and exemption conditions. */
export function ruleRefs(rule: RuleLike, reg: RuleRegistry = RULES): string[] {
  return [
    ...kindOf(rule, reg).refs(rule, reg),
    ...(rule.veto ? conditionRefs(rule.veto.when) : []),
    ...(rule.exempt ? conditionRefs(rule.exempt.when) : []),
  ];
}

/** Semantic issues of a rule and its modifiers. */
export function checkRule(rule: RuleLike, site: RuleSite, reg: RuleRegistry = RULES): Issue[] {
  const out = kindOf(rule, reg).check(rule, site, reg);
  for (const m of ['veto', 'exempt'] as const) {
    const c = rule[m];
    if (c) out.push(...checkCondition(c.when, site, `${m}/when`));
  }
  return out;
}

/** The most a rule can award, or null when unknown before evaluation. */
export function ruleMax(rule: RuleLike, site: RuleSite, reg: RuleRegistry = RULES): Dec | null {
  return kindOf(rule, reg).maxScore(rule, site, reg);
}

/** Numbered items a kind renders itself, so modifier clauses continue the numbering. */
function itemCount(rule: RuleLike, reg: RuleRegistry): number {
  return kindOf(rule, reg).itemCount?.(rule) ?? 0;
}

/** The rule rendered as official 评分标准 text, with veto/exemption clauses and the tail. */
export function renderRule(rule: RuleLike, site: RuleSite, reg: RuleRegistry = RULES): string {
  let text = kindOf(rule, reg).render(rule, site, reg);
  let n = itemCount(rule, reg);
  for (const m of ['veto', 'exempt'] as const) {
    const c = rule[m];
    if (c) text += n > 0 ? `${itemNo(++n, site.depth)}${c.text}` : c.text;
  }
  return text + prose(rule.render?.tail, plain(site.points));
}

/** Compiles a rule with its modifiers into one function of the evaluation context. */
export function compileRule(rule: RuleLike, site: RuleSite, reg: RuleRegistry = RULES): CompiledRule {
  const kind = kindOf(rule, reg);
  const inner = kind.compile(rule, site, reg);
  const typeOf = (id: string) => site.decls.typeOf(id);
  const veto = rule.veto ? { p: compileCondition(rule.veto.when, typeOf), text: rule.veto.text } : null;
  const exempt = rule.exempt ? { p: compileCondition(rule.exempt.when, typeOf), text: rule.exempt.text } : null;
  const round = rule.round;
  return (ctx): RuleRun => {
    const entry = kind.readsReviewer ? undefined : ctx.reviewer();
    if (entry) return override(entry, inner, ctx, site);
    if (exempt && exempt.p(ctx)) {
      return { score: site.points, branch: `免评：${exempt.text}`, arithmetic: [() => `免评条件成立 → 得满分 ${plain(site.points)}分`], status: 'exempt' };
    }
    if (veto && veto.p(ctx)) {
      return { score: ZERO, branch: `一票否决：${veto.text}`, arithmetic: ['一票否决条件成立 → 0分'], status: 'vetoed' };
    }
    const run = inner(ctx);
    if (run.score.gt(site.points)) {
      run.arithmetic.push(() => `超过分值 ${plain(site.points)}分，取 ${plain(site.points)}分`);
      run.score = site.points;
    } else if (run.score.lt(ZERO)) {
      run.arithmetic.push('低于0分，取0分');
      run.score = ZERO;
    }
    if (round) {
      const r = lesser(roundDec(run.score, round.places, round.mode), site.points);
      const before = run.score;
      if (!r.eq(before)) run.arithmetic.push(() => `${showNumber(before)} → ${plain(r)}（${roundingText(round.places, round.mode)}）`);
      run.score = r;
    }
    return run;
  };
}

/**
 * A reviewer's entry on a mechanical rule: the report withheld the facts (basis `undisclosed`), so the
 * reported score is recorded as unverified. When the facts are there after all, the rule is computed
 * too and a difference is flagged.
 */
function override(entry: { score: string | number; reason?: unknown; basis?: string }, inner: CompiledRule, ctx: Parameters<CompiledRule>[0], site: RuleSite): RuleRun {
  const s = toPlainDec(entry.score);
  const where = { indicator: site.indicator, path: `/reviewer/${ctx.key.replace(/~/g, '~0').replace(/\//g, '~1')}` };
  if (s === null || s.lt(ZERO) || s.gt(site.points)) {
    throw new CannotCompute(messages.issue('reviewer-range', { name: site.name, key: ctx.key, score: enteredScore(entry.score), points: plain(site.points) }, where));
  }
  if (typeof entry.reason !== 'string' || !entry.reason.trim()) throw new CannotCompute(messages.issue('judgement-reason', { name: site.name, key: ctx.key, entry: 'override' }, where));
  const warnings: string[] = [];
  try {
    const computed = inner(ctx.child(ctx.key, site.points));
    if (!computed.score.eq(s)) warnings.push(`按规则可算得 ${showNumber(computed.score)}分，采用评审录入 ${plain(s)}分`);
  } catch {
    // facts not given: the entry stands on its own, which is what `unverified` says
  }
  return {
    score: s,
    branch: `评审录入（未核实）：${entry.reason as string}`,
    arithmetic: [`采用评审录入 ${plain(s)}分（${entry.basis === 'judgement' ? '酌情' : '报告未披露计算所需事实'}）`],
    status: 'unverified',
    reason: entry.reason as string,
    warnings,
  };
}

/** The engine's registry: the kinds of `RULE_KIND_LIST`. */
export const RULES: RuleRegistry = createRegistry(RULE_KIND_LIST);

/** Every rule kind's definition, by its `kind` (the names used in scheme documents). */
export const RULE_KINDS: { readonly [D in (typeof RULE_KIND_LIST)[number] as D['kind']]: D } = Object.fromEntries(RULE_KIND_LIST.map((k) => [k.kind, k])) as never;

/** Chinese name of each rule kind (分档计分, 比率×分值, …), the one table every face shows. */
export const RULE_KIND_ZH: { readonly [K in (typeof RULE_KIND_LIST)[number]['kind']]: string } = Object.fromEntries(RULE_KIND_LIST.map((k) => [k.kind, k.names.zh])) as never;
