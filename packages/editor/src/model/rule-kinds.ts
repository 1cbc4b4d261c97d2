/**
 * The rule kinds a user can choose, their Chinese names, example sentences and the rule each starts
 * with: all from the engine's rule-kind registry (each kind's folder, packages/engine/src/rules/<kind>/).
 */
import { RULES } from '@jixiao/engine';
import type { Rule, RuleKind } from './types.ts';

/** The kinds in the registry's order: `kind`, Chinese `label`, and a seed `example` sentence. */
export const RULE_KINDS: { kind: RuleKind; label: string; example: string }[] = RULES.kinds.map((k) => ({
  kind: k.kind as RuleKind,
  label: k.names.zh,
  example: k.names.example,
}));

export function kindLabel(kind: unknown): string {
  return RULE_KINDS.find((k) => k.kind === kind)?.label ?? String(kind);
}

/**
 * The example sentence of a rule kind, marked as an example ("例：……") so it does not read as the
 * indicator's own rule; undefined for an unknown kind.
 */
export function kindExample(kind: unknown): string | undefined {
  const e = RULE_KINDS.find((k) => k.kind === kind)?.example;
  return e === undefined ? undefined : `例：${e}`;
}

/**
 * A minimal rule of `kind` (the kind's own template), using `metric` (a declared fact or metric id) where
 * one is needed.
 * @throws Error for a kind the registry does not have (the selector offers only registered kinds).
 */
export function templateRule(kind: RuleKind, metric: string, points: number | string): Rule {
  const k = RULES.get(kind);
  if (!k) throw new Error(`unknown rule kind "${kind}"`);
  // a registered kind's template is a rule of the scheme format (its own schema fragment)
  return k.template(metric, points) as Rule;
}
