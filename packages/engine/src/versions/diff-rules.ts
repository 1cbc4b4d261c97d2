/**
 * Diff of two rules of the same indicator (计分规则变更): the kind, then the kind's own parameters (each
 * kind's `diff`, in its folder `rules/<kind>/diff.ts`), then what every rule may carry (veto, exemption,
 * rounding, rendering hints), then the safety net for members nobody compared.
 */
import { roundingText, type RoundMode } from '../decimal/dec.ts';
import type { RoundT, Rule } from '../format/scheme-types.ts';
import type { RuleLike } from '../rules/kind.ts';
import { RULES, type RuleRegistry } from '../rules/registry.ts';
import { add, clause, restDiff, sameJson, textChange, type DiffCtx, type Place } from './diff-context.ts';

export { RULE_KIND_ZH } from '../rules/registry.ts';

const COMMON = ['kind', 'veto', 'exempt', 'round', 'render'] as const;

/**
 * Compares rule `x` (older) with rule `y` (newer) at `place` (pointers of the two rules).
 * A change of kind is reported alone: the parameters of different kinds are not comparable.
 */
export function diffRule(ctx: DiffCtx, place: Place, x: Rule, y: Rule): void {
  diffRuleWith(RULES, ctx, place, x, y);
}

/** `diffRule` with the kinds of the given registry (the production one, or a test's with a kind more). */
export function diffRuleWith(rules: RuleRegistry, ctx: DiffCtx, place: Place, x: RuleLike, y: RuleLike): void {
  if (x.kind !== y.kind) {
    add(ctx, place, 'rule-kind-changed', `${place.label}：计分方式 ${rules.name(x.kind) ?? x.kind} → ${rules.name(y.kind) ?? y.kind}`, `${place.label}: rule kind ${x.kind} → ${y.kind}`, {
      sub: ['kind'],
      before: x.kind,
      after: y.kind,
    });
    return;
  }
  const kind = rules.get(x.kind);
  const nested = { diff: (c: DiffCtx, p: Place, a: RuleLike, b: RuleLike) => diffRuleWith(rules, c, p, a, b), name: (k: string) => rules.name(k) };
  const handled = kind ? kind.diff(ctx, place, x, y, nested) : [];
  diffCommon(ctx, place, x, y);
  restDiff(ctx, place, x, y, [...COMMON, ...handled]);
}

function roundText(r: RoundT | undefined): string {
  return r ? roundingText(r.places, (r.mode ?? 'half-up') as RoundMode) : '不单独舍入';
}

function diffCommon(ctx: DiffCtx, place: Place, x: RuleLike, y: RuleLike): void {
  clause(ctx, place, 'veto', 'veto-changed', '一票否决条款', x.veto, y.veto);
  clause(ctx, place, 'exempt', 'exempt-changed', '免评条款', x.exempt, y.exempt);
  if (!sameJson(x.round, y.round)) {
    add(ctx, place, 'rule-rounding-changed', `${place.label}：本项舍入 ${roundText(x.round)} → ${roundText(y.round)}`, `${place.label}: rule rounding changed`, {
      sub: ['round'],
      pathBefore: x.round ? undefined : null,
      pathAfter: y.round ? undefined : null,
      before: x.round,
      after: y.round,
    });
  }
  const ra = (x.render ?? {}) as Record<string, string | undefined>;
  const rb = (y.render ?? {}) as Record<string, string | undefined>;
  for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])]) {
    if (ra[k] === rb[k]) continue;
    add(ctx, place, 'render-changed', `${place.label}：评分标准表述（${k}）变更：${textChange(ra[k], rb[k])}`, `${place.label}: rendering hint ${k} changed`, {
      sub: ['render', k],
      pathBefore: ra[k] === undefined ? null : undefined,
      pathAfter: rb[k] === undefined ? null : undefined,
      before: ra[k],
      after: rb[k],
    });
  }
}
