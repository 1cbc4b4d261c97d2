/**
 * Maps each rule `kind` to its implementation and applies what every rule may carry: 免评 (exempt →
 * full points), 一票否决 (veto → 0), a reviewer's override where the report withholds facts, the
 * score's bounds (0 … points) and the rule's own rounding.
 */
import { Dec, ZERO, lesser, plain, roundDec, roundingText, showNumber, toPlainDec } from '../decimal/dec.ts';
import { issue, type Issue } from '../errors/issue.ts';
import type { Rule } from '../format/scheme-types.ts';
import { CannotCompute, type RuleRun } from '../evaluate/context.ts';
import { compileCondition, conditionRefs } from '../conditions/condition.ts';
import { checkRef } from './refs-check.ts';
import { itemNo, prose, type CompiledRule, type RuleKind, type RuleSite } from './kind.ts';
import { tiers } from './tiers/tiers.ts';
import { options } from './options/options.ts';
import { ratio } from './ratio/ratio.ts';
import { formula } from './formula/formula.ts';
import { sum } from './sum/sum.ts';
import { checklist } from './checklist/checklist.ts';
import { deduction } from './deduction/deduction.ts';
import { linearPenalty } from './linear-penalty/linear-penalty.ts';
import { judgement } from './judgement/judgement.ts';
import { targets } from './targets/targets.ts';

/** Every rule kind, by its `kind` (the names used in scheme documents). */
export const RULE_KINDS: { [K in Rule['kind']]: RuleKind<Extract<Rule, { kind: K }>> } = {
  tiers,
  options,
  ratio,
  formula,
  sum,
  checklist,
  deduction,
  linearPenalty,
  judgement,
  targets,
};

function kindOf<R extends Rule>(rule: R): RuleKind<R> {
  return RULE_KINDS[rule.kind] as unknown as RuleKind<R>;
}

/** Fact and metric ids a rule reads, including veto and exemption conditions. */
export function ruleRefs(rule: Rule): string[] {
  return [
    ...kindOf(rule).refs(rule),
    ...(rule.veto ? conditionRefs(rule.veto.when) : []),
    ...(rule.exempt ? conditionRefs(rule.exempt.when) : []),
  ];
}

/** Semantic issues of a rule and its modifiers. */
export function checkRule(rule: Rule, site: RuleSite): Issue[] {
  const out = kindOf(rule).check(rule, site);
  for (const m of ['veto', 'exempt'] as const) {
    const c = rule[m];
    if (c) for (const id of conditionRefs(c.when)) out.push(...checkRef(id, site, `${m}/when`));
  }
  return out;
}

/** The most a rule can award, or null when unknown before evaluation. */
export function ruleMax(rule: Rule, site: RuleSite): Dec | null {
  return kindOf(rule).maxScore(rule, site);
}

/** Numbered items a kind renders itself, so modifier clauses continue the numbering. */
function itemCount(rule: Rule): number {
  switch (rule.kind) {
    case 'tiers':
      return rule.tiers.length;
    case 'options':
      return rule.options.length;
    case 'checklist':
      return rule.items.length;
    case 'sum':
      return rule.parts.length;
    default:
      return 0;
  }
}

/** The rule rendered as official 评分标准 text, with veto/exemption clauses and the tail. */
export function renderRule(rule: Rule, site: RuleSite): string {
  let text = kindOf(rule).render(rule, site);
  let n = itemCount(rule);
  for (const m of ['veto', 'exempt'] as const) {
    const c = rule[m];
    if (c) text += n > 0 ? `${itemNo(++n, site.depth)}${c.text}` : c.text;
  }
  return text + prose(rule.render?.tail, plain(site.points));
}

/** Compiles a rule with its modifiers into one function of the evaluation context. */
export function compileRule(rule: Rule, site: RuleSite): CompiledRule {
  const inner = kindOf(rule).compile(rule, site);
  const typeOf = (id: string) => site.decls.typeOf(id);
  const veto = rule.veto ? { p: compileCondition(rule.veto.when, typeOf), text: rule.veto.text } : null;
  const exempt = rule.exempt ? { p: compileCondition(rule.exempt.when, typeOf), text: rule.exempt.text } : null;
  const round = rule.round;
  return (ctx): RuleRun => {
    const entry = rule.kind === 'judgement' ? undefined : ctx.reviewer();
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
    throw new CannotCompute(
      issue('reviewer-range', `“${site.name}”的评审录入得分 ${String(entry.score)} 不是 0–${plain(site.points)} 分之间的分数（填数字，不带百分号）`, `reviewer score ${String(entry.score)} for "${ctx.key}" is outside 0–${plain(site.points)}`, where),
    );
  }
  if (typeof entry.reason !== 'string' || !entry.reason.trim()) throw new CannotCompute(issue('judgement-reason', `“${site.name}”的评审录入缺少理由`, `reviewer entry for "${ctx.key}" has no reason`, where));
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
