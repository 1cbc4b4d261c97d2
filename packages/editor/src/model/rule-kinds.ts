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

/** The declared types a number is read from (数值, 百分比, 金额, 计数), as the engine's rules check them. */
export const NUMERIC_TYPES: readonly string[] = ['number', 'percent', 'money', 'count'];

/**
 * What the one fact or metric a kind's template reads must be: its declared types (as the kind's `check`
 * wants them: a 分档依据 or 比率 is numeric, a checklist item a yes/no, an options fact an enum…) and whether
 * only input facts qualify (the kind's picker offers no metrics). Kinds whose template reads nothing are absent.
 */
const TEMPLATE_REF: Partial<Record<RuleKind, { types: readonly string[]; factsOnly?: boolean }>> = {
  tiers: { types: NUMERIC_TYPES },
  ratio: { types: NUMERIC_TYPES },
  linearPenalty: { types: NUMERIC_TYPES },
  completion: { types: NUMERIC_TYPES },
  bands: { types: NUMERIC_TYPES },
  formula: { types: NUMERIC_TYPES },
  cases: { types: NUMERIC_TYPES },
  deduction: { types: ['count', 'number'], factsOnly: true },
  checklist: { types: ['boolean'], factsOnly: true },
  options: { types: ['enum'], factsOnly: true },
  choice: { types: ['enum'], factsOnly: true },
  targets: { types: ['rows'], factsOnly: true },
  deptTargets: { types: ['rows'], factsOnly: true },
  milestones: { types: ['text'], factsOnly: true },
};

/** A declared fact or metric as the template picks it: id, declared type, fact or metric. */
export interface RefChoice {
  id: string;
  type: string;
  kind: 'fact' | 'metric';
}

/**
 * The fact or metric a new rule of `kind` starts with: one of the type the kind reads (a numeric one for
 * 分档计分), preferring one the rule being replaced read (the ratio's metric when a 比率×分值 becomes
 * 分档计分 again), then a percent one for a numeric kind, then the first that fits in declaration order.
 * '' when no declared name fits (the picker then asks for one) or the kind reads none.
 */
export function templateRef(kind: RuleKind, names: readonly RefChoice[], previous?: Rule): string {
  const want = TEMPLATE_REF[kind];
  if (!want) return '';
  const fits = names.filter((n) => want.types.includes(n.type) && (!want.factsOnly || n.kind === 'fact'));
  let read: string[] = [];
  try {
    if (previous) read = RULES.refs(previous);
  } catch {
    // a rule of a kind the registry does not know (a hand-edited document): nothing to prefer
  }
  return (fits.find((n) => read.includes(n.id)) ?? (want.types === NUMERIC_TYPES ? fits.find((n) => n.type === 'percent') : undefined) ?? fits[0])?.id ?? '';
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
