/**
 * The contract every rule kind (计分规则类型) implements: semantic checks, the most it can award,
 * compilation into a fast function, rendering back into Chinese 评分标准 text, and the facts it reads.
 * One file per kind in this folder; `registry.ts` maps `kind` to its implementation.
 */
import type { Dec, RoundMode } from '../decimal/dec.ts';
import type { Issue } from '../errors/issue.ts';
import type { Input, Metric, Rule } from '../format/scheme-types.ts';
import type { EvalContext, RuleRun } from '../evaluate/context.ts';

/** The scheme's declared facts and metrics, as rules see them at compile time. */
export interface Decls {
  inputs: ReadonlyMap<string, Input>;
  metrics: ReadonlyMap<string, Metric>;
  /** Declared type of a fact or metric id, or undefined when undeclared. */
  typeOf(id: string): string | undefined;
  /** Chinese label of a fact or metric id (the id itself when undeclared). */
  label(id: string): string;
  /** A literal value of a fact/metric shown as in the official text ("95%", "1.5", "是"). */
  showValue(id: string, v: unknown): string;
  /** The year the scheme evaluates (for dates written without a year, e.g. "12月底前"). */
  year: number;
  /** The scheme's rounding policy (where rounding happens, places, mode). */
  rounding: { places: number; mode: RoundMode; stages: readonly string[] };
}

/** Where a rule sits: its JSON path, indicator, points, reviewer key. */
export interface RuleSite {
  path: string;
  indicator: string;
  /** 分值 of the indicator or part this rule scores. */
  points: Dec;
  /** Reviewer key: indicator id, or `indicator/part`. */
  key: string;
  /** Name of the indicator or part. */
  name: string;
  decls: Decls;
  /** Nesting depth for rendering: 0 numbers items "1.", 1 numbers them "（1）". */
  depth: number;
}

export type CompiledRule = (ctx: EvalContext) => RuleRun;

export interface RuleKind<R extends Rule = Rule> {
  /** Semantic problems of the rule (references, coverage, amounts), each with its JSON path. */
  check(rule: R, site: RuleSite): Issue[];
  /** The most the rule can award (分), or null when it cannot be known before evaluation (formulas). */
  maxScore(rule: R, site: RuleSite): Dec | null;
  compile(rule: R, site: RuleSite): CompiledRule;
  /** The mechanical part of the 评分标准 text, in the official phrasing. */
  render(rule: R, site: RuleSite): string;
  /** Fact and metric ids the rule reads (not counting veto/exempt conditions). */
  refs(rule: R): string[];
}

/** Item number in the official style: depth 0 → "1. ", depth 1 → "（1）". */
export function itemNo(i: number, depth: number): string {
  return depth === 0 ? `${i}. ` : `（${i}）`;
}

/** Substitutes `{分值}` in rendering prose. */
export function prose(text: string | undefined, points: string): string {
  return (text ?? '').replace(/\{分值\}/g, points);
}
