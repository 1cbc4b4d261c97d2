/**
 * The contract every rule kind (计分规则类型) implements, the way an ajv keyword is one definition object:
 * its schema fragment, its names, its semantic checks, the most it can award, compilation into a fast
 * function, rendering back into Chinese 评分标准 text, the facts it reads, its diff between two versions,
 * the editor's default template and its messages.
 *
 * One folder per kind in this directory (`rules/<kind>/index.ts` exports the definition); `registry.ts`
 * lists them, and everything else — the scheme's rule union, the ajv per-kind validators, the names the
 * CLI and the editor show, the item numbering of modifier clauses — is derived from that list.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Dec, RoundMode } from '../decimal/dec.ts';
import type { Issue } from '../errors/issue.ts';
import type { BandTableT, CalendarEntryT, Condition, Input, Metric, NumT, RenderHintsT, RoundT, Rule } from '../format/scheme-types.ts';
import type { EvalContext, RuleRun } from '../evaluate/context.ts';
import type { DiffCtx, Place } from '../versions/diff-context.ts';

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
  /** The scheme's 节点日期 by id (issue 10 item 12); absent or empty when the scheme has none. */
  calendar?: ReadonlyMap<string, CalendarEntryT>;
  /** The scheme's 共用分档表 by id (issue 10 item 13); absent or empty when the scheme has none. */
  bandTables?: ReadonlyMap<string, BandTableT>;
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

/** A `{ when, text }` clause: 一票否决, 免评, 得0分. */
export interface ClauseLike {
  when: Condition;
  text: string;
}

/** What every rule carries whatever its kind (`ruleBase` in format/schema-parts.ts): a kind and the modifiers. */
export interface RuleLike {
  kind: string;
  veto?: ClauseLike;
  exempt?: ClauseLike;
  round?: RoundT;
  render?: RenderHintsT;
}

/** The rule of a production kind, by its `kind`: `KindRule<'tiers'>` is the 分档计分 rule type. */
export type KindRule<K extends string> = Extract<Rule, { kind: K }>;

/**
 * What a kind with nested rules (分项合计) asks of the registry it is registered in: the same operations on
 * a nested rule, with the modifiers (veto, exempt, rounding, reviewer override) applied. A kind never
 * imports the registry; it is handed the one it runs in.
 */
export interface RuleOps {
  check(rule: RuleLike, site: RuleSite): Issue[];
  maxScore(rule: RuleLike, site: RuleSite): Dec | null;
  compile(rule: RuleLike, site: RuleSite): CompiledRule;
  render(rule: RuleLike, site: RuleSite): string;
  refs(rule: RuleLike): string[];
}

/** The diff of a nested rule, and kind names, for a kind's own diff (分项合计 compares its parts' rules). */
export interface DiffOps {
  diff(ctx: DiffCtx, place: Place, x: RuleLike, y: RuleLike): void;
  /** Chinese name of a kind, or undefined when the kind is unknown. */
  name(kind: string): string | undefined;
}

/** The scoring part of a kind: checks, maximum, compiled function, rendering, references. */
export interface RuleKind<R extends RuleLike = Rule> {
  /** Semantic problems of the rule (references, coverage, amounts), each with its JSON path. */
  check(rule: R, site: RuleSite, rules: RuleOps): Issue[];
  /** The most the rule can award (分), or null when it cannot be known before evaluation (formulas). */
  maxScore(rule: R, site: RuleSite, rules: RuleOps): Dec | null;
  compile(rule: R, site: RuleSite, rules: RuleOps): CompiledRule;
  /** The mechanical part of the 评分标准 text, in the official phrasing. */
  render(rule: R, site: RuleSite, rules: RuleOps): string;
  /** Fact and metric ids the rule reads (not counting veto/exempt conditions). */
  refs(rule: R, rules: RuleOps): string[];
}

/** A kind's names: Chinese (the field's official wording, shown everywhere) and English (logs, code). */
export interface KindNames {
  zh: string;
  en: string;
  /** A seed sentence of this kind, shown beside the editor's 计分方式 selector ("例：…"). */
  example: string;
}

/** A rule nested in another (a part of 分项合计): scored under reviewer key `<key>/<id>` with its own points. */
export interface NestedRule {
  id: string;
  name: string;
  points: NumT;
  rule: RuleLike;
}

/** A branch of a rule and the condition that selects it (`KindDefinition.branches`). */
export interface Branch {
  branch: string;
  when: Condition;
}

/** The change kinds a kind's diff reports, each with its Chinese name (as `CHANGE_KINDS` in versions/change.ts). */
export type ChangeNames = Readonly<Record<string, string>>;

/** The rule type of a definition: `R` when given (a kind outside the scheme format, e.g. a test's), else the scheme's `KindRule<K>`. */
export type RuleOf<K extends string, R extends RuleLike | undefined> = R extends RuleLike ? R : KindRule<K>;

/**
 * One rule kind, complete: register it in `registry.ts` and the scheme format, validation, scoring,
 * rendering, diff, the CLI and the editor know it.
 *
 * The members name the rule type through `RuleOf<K, R>` rather than a type parameter of its own, so that
 * the scheme's `Rule` type can be derived from the definitions' `kind` and `schema` without a cycle.
 *
 * @typeParam K the `kind` written in scheme documents ("tiers")
 * @typeParam S its TypeBox schema fragment (typed, so the scheme's `Rule` type is derived from it)
 * @typeParam C its change kinds (typed, so `ChangeKind` is derived from them)
 * @typeParam R the rule's TypeScript type, for a kind outside the scheme format only (a production kind's is `KindRule<K>`)
 */
export interface KindDefinition<K extends string, S extends TSchema, C extends ChangeNames, R extends RuleLike | undefined = undefined> {
  kind: K;
  /**
   * The TypeBox fragment of the rule object: `Type.Object({ kind: Type.Literal(K), …, ...ruleBase }, { additionalProperties: false })`.
   * It becomes `$defs/<SchemaName>` (see `schemaName`) of the scheme's JSON Schema and one member of its `Rule` union.
   */
  schema: S;
  names: KindNames;
  /** Semantic problems of the rule (references, coverage, amounts), each with its JSON path. */
  check(rule: RuleOf<K, R>, site: RuleSite, rules: RuleOps): Issue[];
  /** The most the rule can award (分), or null when it cannot be known before evaluation (formulas). */
  maxScore(rule: RuleOf<K, R>, site: RuleSite, rules: RuleOps): Dec | null;
  compile(rule: RuleOf<K, R>, site: RuleSite, rules: RuleOps): CompiledRule;
  /** The mechanical part of the 评分标准 text, in the official phrasing. */
  render(rule: RuleOf<K, R>, site: RuleSite, rules: RuleOps): string;
  /** Fact and metric ids the rule reads (not counting veto/exempt conditions). */
  refs(rule: RuleOf<K, R>, rules: RuleOps): string[];
  /**
   * A new rule of this kind, as the editor starts it when a user picks the kind (valid JSON of the schema).
   * @param ref a declared fact or metric id to use where the kind needs one ('' when the scheme has none)
   * @param points the indicator's (or part's) 分值
   */
  template(ref: string, points: number | string): RuleOf<K, R>;
  /**
   * Numbered items the kind renders itself ("1. …2. …"), so that veto and exemption clauses continue
   * the numbering; 0 (the default) when the kind renders one sentence.
   */
  itemCount?(rule: RuleOf<K, R>): number;
  /** Rules nested in this one, each scored under the reviewer key `<key>/<id>` (分项合计's parts). */
  parts?(rule: RuleOf<K, R>): readonly NestedRule[];
  /**
   * True when the kind reads the reviewer's entry itself (酌情评分): the registry then does not treat an
   * entry as a reviewer's override of a mechanical rule.
   */
  readsReviewer?: boolean;
  /**
   * True when the case's rows bring reviewer keys of their own (`<key>/<row id>`, 部门绩效目标行's 定性 rows):
   * evaluation then accepts any entry under `<key>/`.
   */
  rowKeys?: boolean;
  /**
   * The conditions under which the rule takes each of its branches, as condition JSON (the scheme's
   * json-rules-engine format), for running the same choice through json-rules-engine (`pnpm bench` and its
   * cross-check test). Branch ids: `tier1`…, `option1`…, `zero`; veto and exemption are the registry's.
   */
  branches?(rule: RuleOf<K, R>): readonly Branch[];
  /** The messages of this kind's issues (`defineMessages` in its messages.ts), when it has its own. */
  messages?: { readonly defs: object };
  /** The change kinds `diff` reports, with their Chinese names. */
  changes: C;
  /**
   * Reports the differences of two rules of this kind (x older, y newer) at `place` with `add` (versions/
   * diff-context.ts), and returns the members it compared; members it does not name are reported by the
   * safety net (`other-changed`), and veto/exempt/round/render by the registry's common diff.
   */
  diff(ctx: DiffCtx, place: Place, x: RuleOf<K, R>, y: RuleOf<K, R>, rules: DiffOps): readonly string[];
}

/** What the scheme format reads of a kind definition (its `kind` and its fragment), without its rule type. */
export interface KindSchema {
  readonly kind: string;
  readonly schema: TSchema;
}

/**
 * Any kind definition, as the registry holds them: the members of `KindDefinition` over any rule. Its
 * methods are bivariant in their parameters, so every definition fits; the registry calls each only with
 * a rule of its own kind.
 */
export interface AnyKind extends KindSchema {
  readonly kind: string;
  readonly schema: TSchema;
  readonly names: KindNames;
  check(rule: RuleLike, site: RuleSite, rules: RuleOps): Issue[];
  maxScore(rule: RuleLike, site: RuleSite, rules: RuleOps): Dec | null;
  compile(rule: RuleLike, site: RuleSite, rules: RuleOps): CompiledRule;
  render(rule: RuleLike, site: RuleSite, rules: RuleOps): string;
  refs(rule: RuleLike, rules: RuleOps): string[];
  template(ref: string, points: number | string): RuleLike;
  itemCount?(rule: RuleLike): number;
  parts?(rule: RuleLike): readonly NestedRule[];
  branches?(rule: RuleLike): readonly Branch[];
  readonly readsReviewer?: boolean;
  readonly rowKeys?: boolean;
  readonly messages?: { readonly defs: object };
  readonly changes: ChangeNames;
  diff(ctx: DiffCtx, place: Place, x: RuleLike, y: RuleLike, rules: DiffOps): readonly string[];
}

/** Name of a kind's definition in the scheme's JSON Schema: `tiers` → `TiersRule`, `linearPenalty` → `LinearPenaltyRule`. */
export type SchemaName<K extends string> = `${Capitalize<K>}Rule`;

/** Name of a kind's definition in the scheme's JSON Schema (`$defs/TiersRule`). */
export function schemaName<K extends string>(kind: K): SchemaName<K> {
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}Rule` as SchemaName<K>;
}

/** Item number in the official style: depth 0 → "1. ", depth 1 → "（1）". */
export function itemNo(i: number, depth: number): string {
  return depth === 0 ? `${i}. ` : `（${i}）`;
}

/** Substitutes `{分值}` in rendering prose. */
export function prose(text: string | undefined, points: string): string {
  return (text ?? '').replace(/\{分值\}/g, points);
}
