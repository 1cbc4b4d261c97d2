/**
 * JSON Schema validation (ajv, draft 2020-12) of scheme and case documents, with Chinese messages
 * (ajv-i18n) and the JSON path of each error, turned into the engine's `Issue`s. Union noise is
 * pruned: a rule with a known `kind` reports only the errors of that kind; an unknown `kind` gets one
 * clear message listing the kinds there are.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import schemeSchema from '../../schema/scheme.schema.json' with { type: 'json' };
import caseSchema from '../../schema/case.schema.json' with { type: 'json' };
import { issue, type Issue } from '../errors/issue.ts';
import { RULES } from '../rules/registry.ts';
import { schemaName } from '../rules/kind.ts';

// ajv ships CommonJS; under ESM its class sits on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const localize = ((localizeZh as unknown as { default?: unknown }).default ?? localizeZh) as (errors?: ErrorObject[] | null) => void;

/** The rule kinds (`kind` values) and the JSON Schema definition of each, from the registry. */
const RULE_KINDS: string[] = RULES.kinds.map((k) => k.kind);
const KIND_DEF: Record<string, string> = Object.fromEntries(RULES.kinds.map((k) => [k.kind, schemaName(k.kind)]));

let validators: { ajv: InstanceType<typeof Ajv2020>; scheme: ValidateFunction; caseDoc: ValidateFunction; kinds: Map<string, ValidateFunction> } | null = null;
function get() {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    validators = { ajv, scheme: ajv.compile(schemeSchema), caseDoc: ajv.compile(caseSchema), kinds: new Map() };
  }
  return validators;
}

/** A validator for one rule definition (`TiersRule`, ...), compiled on first use. */
function kindValidator(def: string): ValidateFunction {
  const v = get();
  let f = v.kinds.get(def);
  if (!f) {
    f = v.ajv.compile({ $ref: `${schemeSchema.$id}#/$defs/${def}` });
    v.kinds.set(def, f);
  }
  return f;
}

/** The value at a JSON pointer, or undefined. */
export function at(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const seg of path.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[key];
    else return undefined;
  }
  return cur;
}

/** Id of the innermost indicator containing a path (`/indicators/0/children/2/...`). */
export function indicatorAt(doc: unknown, path: string): string | undefined {
  const m = path.match(/^(\/indicators\/\d+(?:\/children\/\d+)*)/);
  if (!m) return undefined;
  const node = at(doc, m[1]!);
  const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function issueOf(doc: unknown, e: ErrorObject, en: string | undefined, path: string, isScheme: boolean): Issue {
  const extra = e.keyword === 'additionalProperties' ? `：${String((e.params as { additionalProperty?: string }).additionalProperty)}` : '';
  return issue(`schema-${e.keyword}`, `${path || '文档'} ${e.message ?? ''}${extra}`, `${path || 'document'} ${en ?? ''}${extra}`, {
    path,
    indicator: isScheme ? indicatorAt(doc, path) : undefined,
  });
}

/** Localised copies of errors, keeping the English messages beside. */
function localised(errors: ErrorObject[]): { e: ErrorObject; en: string | undefined }[] {
  const english = errors.map((e) => e.message);
  const copies = errors.map((e) => ({ ...e }));
  localize(copies);
  return copies.map((e, i) => ({ e, en: english[i] }));
}

/** The outermost `.../rule` object enclosing a path, if any. */
function outerRule(path: string): string | null {
  const m = path.match(/^(.*?\/rule)(?:\/|$)/);
  return m ? m[1]! : null;
}

/**
 * Errors of one rule object, validated against the definition of its own `kind` only (no union noise);
 * nested rules (parts of a sum) are handled the same way, recursively.
 */
function ruleIssues(doc: unknown, rulePath: string): Issue[] {
  const rule = at(doc, rulePath);
  const kind = rule && typeof rule === 'object' && !Array.isArray(rule) ? (rule as { kind?: unknown }).kind : undefined;
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) {
    return [issue('rule-not-object', `计分规则应为对象（JSON 对象，含 kind 等属性），实际为 ${JSON.stringify(rule)}`, `a rule must be an object, got ${JSON.stringify(rule)}`, { path: rulePath, indicator: indicatorAt(doc, rulePath) })];
  }
  if (kind === undefined) {
    return [issue('unknown-rule-kind', `计分规则缺少 kind（规则类型）；可用的类型：${RULE_KINDS.join('、')}`, `the rule has no "kind"; known kinds: ${RULE_KINDS.join(', ')}`, { path: rulePath, indicator: indicatorAt(doc, rulePath) })];
  }
  if (typeof kind !== 'string' || !RULE_KINDS.includes(kind)) {
    return [
      issue('unknown-rule-kind', `未知的计分规则类型 kind: ${JSON.stringify(kind)}；可用的类型：${RULE_KINDS.join('、')}`, `unknown rule kind ${JSON.stringify(kind)}; known kinds: ${RULE_KINDS.join(', ')}`, {
        path: rulePath + '/kind',
        indicator: indicatorAt(doc, rulePath),
      }),
    ];
  }
  const v = kindValidator(KIND_DEF[kind]!);
  if (v(rule)) return [];
  const out: Issue[] = [];
  const nested = new Set<string>();
  for (const { e, en } of localised(v.errors ?? [])) {
    const abs = rulePath + e.instancePath;
    const inner = outerRule(e.instancePath);
    if (inner) {
      nested.add(rulePath + inner);
      continue;
    }
    if (e.keyword === 'anyOf' || e.keyword === 'if') continue;
    out.push(issueOf(doc, e, en, abs, true));
  }
  for (const n of nested) out.push(...ruleIssues(doc, n));
  return out;
}

/** Errors `const` at one place (a union of literals such as status draft | published), merged into one. */
function constChoices(doc: unknown, errors: ErrorObject[], isScheme: boolean): { issues: Issue[]; paths: Set<string> } {
  const byPath = new Map<string, unknown[]>();
  for (const e of errors) {
    if (e.keyword !== 'const' || (isScheme && outerRule(e.instancePath))) continue;
    const list = byPath.get(e.instancePath) ?? [];
    list.push((e.params as { allowedValue?: unknown }).allowedValue);
    byPath.set(e.instancePath, list);
  }
  const issues: Issue[] = [];
  const paths = new Set<string>();
  for (const [path, values] of byPath) {
    if (values.length < 2) continue;
    paths.add(path);
    const list = values.map((v) => JSON.stringify(v)).join('、');
    issues.push(
      issue('schema-enum', `${path} 的取值 ${JSON.stringify(at(doc, path))} 无效，应为以下之一：${list}`, `${path} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(at(doc, path))}`, {
        path,
        indicator: isScheme ? indicatorAt(doc, path) : undefined,
      }),
    );
  }
  return { issues, paths };
}

function toIssues(doc: unknown, errors: ErrorObject[], isScheme: boolean): Issue[] {
  const choices = constChoices(doc, errors, isScheme);
  const out: Issue[] = [...choices.issues];
  const rules = new Set<string>();
  for (const { e, en } of localised(errors)) {
    const path = e.instancePath;
    if (choices.paths.has(path) && (e.keyword === 'const' || e.keyword === 'anyOf')) continue;
    const r = isScheme ? outerRule(path) : null;
    if (r) {
      rules.add(r);
      continue;
    }
    if (e.keyword === 'anyOf' && errors.some((o) => o.instancePath.startsWith(path) && o.keyword !== 'anyOf')) continue;
    out.push(issueOf(doc, e, en, path, isScheme));
  }
  for (const r of rules) out.push(...ruleIssues(doc, r));
  // the same message at the same place once
  const seen = new Set<string>();
  return out.filter((x) => {
    const k = `${x.path}|${x.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** JSON Schema errors of a scheme document (empty when it conforms). */
export function schemaIssues(doc: unknown): Issue[] {
  const v = get().scheme;
  return v(doc) ? [] : toIssues(doc, v.errors ?? [], true);
}

/** JSON Schema errors of a case document. */
export function caseSchemaIssues(doc: unknown): Issue[] {
  const v = get().caseDoc;
  return v(doc) ? [] : toIssues(doc, v.errors ?? [], false);
}
