/**
 * JSON Schema validation (ajv, draft 2020-12) of scheme and case documents, each error turned into an
 * `Issue` from the message catalogue (validate/schema-messages.ts: code `schema-<keyword>` or more
 * specific, params with the JSON path, the field's Chinese name from the schema's description, the
 * allowed values…), with the indicator id where the error lies in one.
 *
 * What a policy user reads says what to write, in finance words:
 * - numbers and identifiers carry ajv-errors `errorMessage` codes in their TypeBox definitions
 *   (`schema-number`, `schema-points`, `schema-id`), so "六分" or an id with a space is one sentence, not a pattern;
 * - a union (anyOf/oneOf) reports the errors of the one alternative the value was meant as (the one
 *   whose type fits and whose properties it uses), or one sentence naming the allowed values or forms,
 *   never every alternative's errors ("应当有必需属性 all");
 * - a rule with a known `kind` reports only the errors of that kind; an unknown `kind` gets one clear
 *   message listing the kinds there are; ajv's `discriminator` option is on for unions tagged by a property;
 * - any other keyword falls back to ajv-i18n's Chinese with ajv's English beside (`schema-invalid`).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { Issue } from '../errors/issue.ts';
import { schemaMessages as m, type IdProblem, type SchemaAt } from './schema-messages.ts';
import { RULES } from '../rules/registry.ts';
import { schemaName } from '../rules/kind.ts';
// ajv's standalone code, generated from the schema files by `pnpm emit-schema` (validate/standalone.ts):
// no schema is compiled at run time. A document is first checked whole by the small conformance code; only
// one that fails it is validated again by the full validators (detail.ts), which report every error.
import { conforms } from './conforms.generated.js';
import { schemaDetail } from './detail.ts';
import type { SchemaNode, SchemaRoot as Root } from './detail-data.ts';
import type { SchemeNames } from '../display/scheme-names.ts';

// ajv-i18n ships CommonJS; under ESM the export sits on `.default`.
const localize = ((localizeZh as unknown as { default?: unknown }).default ?? localizeZh) as (errors?: ErrorObject[] | null) => void;

/** The rule kinds (`kind` values) and the JSON Schema definition of each, from the registry. */
const RULE_KINDS: string[] = RULES.kinds.map((k) => k.kind);
const KIND_DEF: Record<string, string> = Object.fromEntries(RULES.kinds.map((k) => [k.kind, schemaName(k.kind)]));


/**
 * JSON pointer of every schema object of both documents, by its JSON text: ajv's verbose errors hand
 * back a copy of the schema object (the precompiled code holds its own), so identity cannot find it.
 * Built on the first failed union only.
 */
let pointers: Map<string, { root: Root; pointer: string }> | null = null;
function pointerOf(node: object): { root: Root; pointer: string } | undefined {
  if (!pointers) {
    pointers = new Map();
    const { scheme, caseDoc } = schemaDetail();
    for (const root of [scheme, caseDoc]) index(root, root, '', pointers);
  }
  return pointers.get(JSON.stringify(node));
}

function index(root: Root, node: unknown, pointer: string, out: Map<string, { root: Root; pointer: string }>): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) {
    // the first place wins when two schema objects are written alike: they validate alike
    const key = JSON.stringify(node);
    if (!out.has(key)) out.set(key, { root, pointer });
  }
  for (const [k, v] of Object.entries(node)) index(root, v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
}

/** The precompiled validator of the sub-schema at `pointer` in `root` (e.g. `/$defs/TiersRule`). */
function validatorAt(root: Root, pointer: string): ValidateFunction {
  const f = schemaDetail().validators[`${root.$id}#${pointer}`];
  // validate/standalone.ts compiles every pointer this module asks for; a miss means the generated file is stale
  if (!f) throw new Error(`no precompiled validator for ${root.$id}#${pointer}: run \`pnpm emit-schema\``);
  return f;
}

/** A validator for one rule definition (`TiersRule`, ...), compiled on first use. */
function kindValidator(def: string): ValidateFunction {
  return validatorAt(schemaDetail().scheme, `/$defs/${def}`);
}

/** The value at a JSON pointer, or undefined. */
export function at(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const seg of segments(path)) {
    if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[seg];
    else return undefined;
  }
  return cur;
}

/** The unescaped segments of a JSON pointer. */
function segments(path: string): string[] {
  return path === '' ? [] : path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Id of the innermost indicator containing a path (`/indicators/0/children/2/...`). */
export function indicatorAt(doc: unknown, path: string): string | undefined {
  const m = path.match(/^(\/indicators\/\d+(?:\/children\/\d+)*)/);
  if (!m) return undefined;
  const node = at(doc, m[1]!);
  const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Field names: the Chinese name of a field is the head of its schema description ("分值（参考分值，分）"
// → 分值, "标识：以字母或汉字开头…" → 标识), found by walking the schema along the document's path.

const isObj = (v: unknown): v is SchemaNode => !!v && typeof v === 'object' && !Array.isArray(v);

/** The head of a description when it is a short Chinese name. */
function shortLabel(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const head = description.split(/[：:（(，,；;。]/)[0]!.trim();
  return /\p{Script=Han}/u.test(head) && head.length <= 16 && !/[A-Za-z]/.test(head) ? head : undefined;
}

/** A node with its `$ref` followed (the referring node's own keywords are kept by the caller). */
function deref(root: Root, node: unknown): SchemaNode | undefined {
  let cur = node;
  for (let n = 0; n < 20 && isObj(cur) && typeof cur['$ref'] === 'string'; n++) {
    const ref = cur['$ref'] as string;
    if (!ref.startsWith('#/')) return undefined;
    cur = segments(ref.slice(1)).reduce<unknown>((a, s) => (isObj(a) ? a[s] : undefined), root);
  }
  return isObj(cur) ? cur : undefined;
}

/** The alternative of a union a value was meant as: the one whose `const` properties it matches, else whose properties it uses. */
function alternativeFor(root: Root, node: SchemaNode, value: unknown): SchemaNode {
  const options = (node['anyOf'] ?? node['oneOf']) as unknown[] | undefined;
  if (!Array.isArray(options)) return node;
  const alts = options.map((o) => deref(root, o)).filter((o): o is SchemaNode => !!o);
  const props = (a: SchemaNode) => (isObj(a['properties']) ? (a['properties'] as Record<string, unknown>) : {});
  if (isObj(value)) {
    const tagged = alts.find((a) => Object.entries(props(a)).some(([k, p]) => isObj(p) && 'const' in p && p['const'] === value[k]));
    if (tagged) return tagged;
    const used = alts.find((a) => Object.keys(value).some((k) => k in props(a)));
    if (used) return used;
  }
  return alts.find((a) => (Array.isArray(value) ? a['type'] === 'array' || 'items' in a : isObj(value) ? a['type'] === 'object' : false)) ?? node;
}

/** A node with its `$ref` followed and its union resolved to the alternative `value` was meant as. */
function resolved(root: Root, node: unknown, value: unknown): SchemaNode | undefined {
  let here = deref(root, node);
  for (let n = 0; n < 5 && here && (here['anyOf'] || here['oneOf']); n++) {
    const alt = alternativeFor(root, here, value);
    if (alt === here) break;
    here = alt;
  }
  return here;
}

/** The schema node describing the value at `path` (the referring node, so its own description wins), or undefined. */
function schemaAt(root: Root, doc: unknown, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  let value = doc;
  for (const seg of segments(path)) {
    const here = resolved(root, node, value);
    if (!here) return undefined;
    const props = here['properties'];
    const patterns = here['patternProperties'];
    if (isObj(props) && isObj(props[seg])) node = props[seg] as SchemaNode;
    else if (isObj(here['items']) && /^\d+$/.test(seg)) node = here['items'] as SchemaNode;
    else if (isObj(here['additionalProperties'])) node = here['additionalProperties'] as SchemaNode;
    else if (isObj(patterns) && isObj(Object.values(patterns)[0])) node = Object.values(patterns)[0] as SchemaNode;
    else return undefined;
    value = isObj(value) || Array.isArray(value) ? (value as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}

/** The Chinese name of the field at `path`: its description's head; an array item is named by its own schema or as 第n项 of its list. */
function labelAt(root: Root, doc: unknown, path: string, names?: SchemeNames): string | undefined {
  const node = schemaAt(root, doc, path);
  const own = node ? shortLabel(node['description']) : undefined;
  if (own) {
    // a field of a record's entry names the entry: 评审录入“procurement/policy”的给分理由, not only 给分理由
    const entry = recordEntryAt(root, doc, path, names);
    return entry ? `${entry}的${own}` : own;
  }
  const segs = segments(path);
  const last = segs[segs.length - 1];
  if (last !== undefined) {
    const parentPath = path.slice(0, path.lastIndexOf('/'));
    const parent = resolved(root, schemaAt(root, doc, parentPath), at(doc, parentPath));
    const list = parent && (isObj(parent['items']) || isObj(parent['patternProperties'])) ? labelAt(root, doc, parentPath, names) : undefined;
    if (list && isObj(parent!['items'])) return `${list}第${Number(last) + 1}项`;
    // an entry of a record (事实 "a", 评审录入 "effect") is named by its key, or by its name where the scheme is known
    if (list) return `${list}${entryName(parentPath, last, names)}`;
  }
  return node ? shortLabel(deref(root, node)?.['description']) : undefined;
}

/**
 * An entry of a case's record as a message names it: `“工作实绩”（outcomes）` for a reviewer key or a fact the
 * scheme names (as 事实“满意度”（manyidu） elsewhere), `“outcomes”` when no scheme is known or it lacks the key.
 */
function entryName(recordPath: string, key: string, names?: SchemeNames): string {
  const name = recordPath === '/reviewer' ? names?.reviewer.get(key) : recordPath === '/facts' ? names?.facts.get(key) : undefined;
  return name && name !== key ? `“${name}”（${key}）` : `“${key}”`;
}

/**
 * The name of the record entry a field belongs to — `/reviewer/effect/reason` → 评审录入“effect”
 * (评审录入“实施效果”（effect） with the scheme's names), `/facts/满意度/source` → 事实“满意度” — or undefined
 * when the field's parent is not an entry of a record (an object keyed by ids: patternProperties or additionalProperties).
 */
function recordEntryAt(root: Root, doc: unknown, path: string, names?: SchemeNames): string | undefined {
  const segs = segments(path);
  if (segs.length < 2) return undefined;
  const entryPath = path.slice(0, path.lastIndexOf('/'));
  const recordPath = entryPath.slice(0, entryPath.lastIndexOf('/'));
  const record = resolved(root, schemaAt(root, doc, recordPath), at(doc, recordPath));
  if (!record || (!isObj(record['patternProperties']) && !isObj(record['additionalProperties']))) return undefined;
  const key = segs[segs.length - 2]!;
  if (isObj(record['properties']) && key in (record['properties'] as object)) return undefined;
  const recordLabel = labelAt(root, doc, recordPath, names);
  return `${recordLabel ?? ''}${entryName(recordPath, key, names)}`;
}

/** A value as the message shows it: JSON, shortened. */
function shown(v: unknown): string {
  if (v === undefined) return '（无）';
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** Why an id is refused, and the first character not allowed. */
function idProblem(v: unknown): { problem: IdProblem; char?: string } {
  if (typeof v !== 'string') return { problem: 'type' };
  if (v === '') return { problem: 'empty' };
  if (/\s/.test(v)) return { problem: 'space' };
  if (!/^[\p{L}_]/u.test(v)) return { problem: 'start', char: [...v][0] };
  const bad = [...v].find((c) => !/[\p{L}\p{N}_.-]/u.test(c));
  if (bad !== undefined) return { problem: 'char', char: bad };
  return { problem: 'long' };
}

// ---------------------------------------------------------------------------------------------------
// Errors to issues

/** What every conversion needs: the document, its schema, and whether it is a scheme (rules, indicators). */
interface Ctx {
  doc: unknown;
  root: Root;
  isScheme: boolean;
  /** The names of the case's scheme, when known: reviewer entries and facts are then named by them. */
  names?: SchemeNames;
}

/** The issue of one ajv error whose instancePath is absolute (from the document's root). */
function issueOf(ctx: Ctx, e: ErrorObject): Issue {
  const path = e.instancePath;
  const segs = segments(path);
  const last = segs[segs.length - 1];
  const base: SchemaAt = { path, label: labelAt(ctx.root, ctx.doc, path, ctx.names) };
  if (last !== undefined && !/^\d+$/.test(last)) base.property = last;
  const where = { path, indicator: ctx.isScheme ? indicatorAt(ctx.doc, path) : undefined };
  const value = shown(at(ctx.doc, path));
  const ps = e.params as Record<string, unknown>;
  const parent = isObj(e.parentSchema) ? e.parentSchema : {};
  const owner = () => base.label;
  switch (e.keyword) {
    case 'errorMessage': {
      // ajv-errors: the message is a catalogue code set in the TypeBox definition
      if (e.message === 'schema-id') return m.issue('schema-id', { ...base, value, ...idProblem(at(ctx.doc, path)) }, where);
      if (e.message === 'schema-number') return m.issue('schema-number', { ...base, value }, where);
      if (e.message === 'schema-points') {
        const v = at(ctx.doc, path);
        const pct = typeof v === 'string' ? /^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*[%％]\s*$/.exec(v) : null;
        if (pct) return m.issue('schema-points-percent', { ...base, value, number: pct[1]! }, where);
        return m.issue('schema-points', { ...base, value }, where);
      }
      break;
    }
    case 'required': {
      const missing = String(ps['missingProperty']);
      const props = isObj(parent['properties']) ? (parent['properties'] as Record<string, unknown>) : {};
      const p = props[missing];
      const missingLabel = shortLabel(isObj(p) ? (p['description'] ?? deref(ctx.root, p)?.['description']) : undefined);
      return m.issue('schema-required', { ...base, owner: owner(), missing, missingLabel }, where);
    }
    case 'additionalProperties': {
      const allowed = isObj(parent['properties']) ? Object.keys(parent['properties'] as object).filter((k) => k !== '$schema') : [];
      return m.issue('schema-additionalProperties', { ...base, owner: owner(), extra: String(ps['additionalProperty']), allowed }, where);
    }
    case 'type': {
      const t = ps['type'];
      return m.issue('schema-type', { ...base, value, expected: Array.isArray(t) ? t.map(String) : String(t).split(',') }, where);
    }
    case 'enum':
      return m.issue('schema-enum', { ...base, value, allowed: ((ps['allowedValues'] as unknown[]) ?? []).map(plainValue) }, where);
    case 'const':
      return m.issue('schema-enum', { ...base, value, allowed: [plainValue(ps['allowedValue'])] }, where);
    case 'minLength':
    case 'maxLength':
    case 'minItems':
      return m.issue(`schema-${e.keyword}`, { ...base, limit: Number(ps['limit']) }, where);
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const code = e.keyword.toLowerCase().endsWith('minimum') ? 'schema-minimum' : 'schema-maximum';
      return m.issue(code, { ...base, value, limit: Number(ps['limit']), exclusive: e.keyword.startsWith('exclusive') }, where);
    }
    case 'pattern':
      // a 节点日期 not written YYYY-MM-DD (calendar/…/dates/<year>): said as a date, not as the pattern
      if (ps['pattern'] === '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') return m.issue('schema-date', { ...base, value }, where);
      break;
    case 'uniqueItems':
      // ajv's i and j are 0-based, j < i
      return m.issue('schema-uniqueItems', { ...base, first: Number(ps['j']) + 1, second: Number(ps['i']) + 1 }, where);
    case 'dependentRequired': {
      const missing = String(ps['missingProperty']);
      const props = isObj(parent['properties']) ? (parent['properties'] as Record<string, unknown>) : {};
      const p = props[missing];
      return m.issue('schema-dependentRequired', { ...base, given: String(ps['property']), missing, missingLabel: shortLabel(isObj(p) ? p['description'] : undefined) }, where);
    }
  }
  const zh = { ...e };
  localize([zh]);
  return m.issue('schema-invalid', { ...base, keyword: e.keyword, detail: zh.message ?? e.keyword, detailEn: e.message ?? e.keyword }, where);
}

/** An allowed value as a message lists it: a string bare, anything else as JSON. */
function plainValue(v: unknown): string {
  return typeof v === 'string' ? v : shown(v);
}

/** The outermost `.../rule` object enclosing a path, if any. */
function outerRule(path: string): string | null {
  const m = path.match(/^(.*?\/rule)(?:\/|$)/);
  return m ? m[1]! : null;
}

/** Errors of a validator run on the value at `base`, made absolute. */
function rebased(errors: readonly ErrorObject[] | null | undefined, base: string): ErrorObject[] {
  return (errors ?? []).map((e) => ({ ...e, instancePath: base + e.instancePath }));
}

const isUnion = (e: ErrorObject) => e.keyword === 'anyOf' || (e.keyword === 'oneOf' && !(e.params as { passingSchemas?: unknown }).passingSchemas);
const within = (path: string, base: string) => path === base || path.startsWith(base + '/');

/**
 * Issues of a list of errors (absolute paths) under `base`: errors inside a rule go to `ruleIssues` (its own
 * kind's errors only), a failed union is reduced to the alternative meant (`unionIssues`), the rest map one to one.
 */
function issuesOf(ctx: Ctx, errors: ErrorObject[], base = ''): Issue[] {
  const rules = new Set<string>();
  const rest: ErrorObject[] = [];
  for (const e of errors) {
    const r = ctx.isScheme ? outerRule(e.instancePath.slice(base.length)) : null;
    if (r) rules.add(base + r);
    else rest.push(e);
  }
  const unions = rest.filter(isUnion);
  const outer = unions.filter((u) => !unions.some((o) => o !== u && o.instancePath !== u.instancePath && within(u.instancePath, o.instancePath)));
  const done = new Set<string>();
  const out: Issue[] = [];
  for (const u of outer) {
    if (done.has(u.instancePath)) continue;
    done.add(u.instancePath);
    out.push(...unionIssues(ctx, u));
  }
  for (const e of rest) if (![...done].some((p) => within(e.instancePath, p))) out.push(issueOf(ctx, e));
  for (const r of rules) out.push(...ruleIssues(ctx, r));
  return out;
}

/** A value's JSON Schema type name: string, integer, number, boolean, null, array or object. */
function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The JSON types an alternative accepts (for "应为数字或文本"), or its constant. */
function typesOf(root: Root, node: unknown): string[] {
  const n = deref(root, node);
  if (!n) return [];
  if (Array.isArray(n['anyOf'])) return (n['anyOf'] as unknown[]).flatMap((a) => typesOf(root, a));
  if (typeof n['type'] === 'string') return [n['type']];
  if (Array.isArray(n['type'])) return (n['type'] as unknown[]).map(String);
  return [];
}

/**
 * A failed union (anyOf / oneOf) at one place: every alternative is tried on the value; the one it was meant
 * as (its type fits, and it knows most of the value's properties) reports its own errors. When none fits the
 * type, one message names the types (or the allowed values); when several fit equally, one names the forms.
 */
function unionIssues(ctx: Ctx, u: ErrorObject): Issue[] {
  const path = u.instancePath;
  const value = at(ctx.doc, path);
  const parent = isObj(u.parentSchema) ? u.parentSchema : {};
  const options = (parent[u.keyword] ?? []) as unknown[];
  const alts = options.map((o) => deref(ctx.root, o));
  const base: SchemaAt = { path, label: labelAt(ctx.root, ctx.doc, path, ctx.names) };
  const segs = segments(path);
  const last = segs[segs.length - 1];
  if (last !== undefined && !/^\d+$/.test(last)) base.property = last;
  const where = { path, indicator: ctx.isScheme ? indicatorAt(ctx.doc, path) : undefined };
  if (alts.length && alts.every((a) => a && 'const' in a)) {
    return [m.issue('schema-enum', { ...base, value: shown(value), allowed: alts.map((a) => plainValue(a!['const'])) }, where)];
  }
  const located = pointerOf(parent);
  const tried = located
    ? options.map((_, k) => {
        const v = validatorAt(located.root, `${located.pointer}/${u.keyword}/${k}`);
        const errors = v(value) ? [] : (v.errors ?? []);
        const atRoot = errors.filter((e) => e.instancePath === '');
        const misfit = atRoot.some((e) => e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum' || e.keyword === 'errorMessage');
        const props = alts[k] && isObj(alts[k]!['properties']) ? (alts[k]!['properties'] as object) : {};
        const known = isObj(value) ? Object.keys(value).filter((key) => key in props).length : 0;
        return { errors, misfit, known };
      })
    : [];
  const fitting = tried.filter((t) => !t.misfit);
  if (tried.length && !fitting.length) {
    // the value's own JSON type takes one alternative only ("abc" for 档位界限 = a number, or {"fact": …}): it was
    // meant as that one, whose own message says what to write ("应为数字，如 6、4.5…"), not a list of types
    const own = jsonType(value);
    const takes = options.map((o, k) => ({ k, types: typesOf(ctx.root, o) })).filter((a) => a.types.includes(own) || (own === 'integer' && a.types.includes('number')));
    if (takes.length === 1 && tried[takes[0]!.k]!.errors.length) return issuesOf(ctx, rebased(tried[takes[0]!.k]!.errors, path), path);
    const expected = [...new Set(options.flatMap((o) => typesOf(ctx.root, o)))];
    if (expected.length) return [m.issue('schema-type', { ...base, value: shown(value), expected }, where)];
  }
  if (fitting.length) {
    const best = Math.max(...fitting.map((t) => t.known));
    const top = fitting.filter((t) => t.known === best);
    const fewest = Math.min(...top.map((t) => t.errors.length));
    const chosen = top.filter((t) => t.errors.length === fewest);
    if (chosen.length === 1 || (top.length === 1 && best > 0)) return issuesOf(ctx, rebased(chosen[0]!.errors, path), path);
  }
  const description = typeof parent['description'] === 'string' ? (parent['description'] as string) : undefined;
  const forms = description?.includes('：') ? description.slice(description.indexOf('：') + 1) : description;
  return [m.issue('schema-union', { ...base, forms }, where)];
}

/**
 * Errors of one rule object, validated against the definition of its own `kind` only (no union noise);
 * nested rules (parts of a sum) are handled the same way, recursively.
 */
function ruleIssues(ctx: Ctx, rulePath: string): Issue[] {
  const { doc } = ctx;
  const rule = at(doc, rulePath);
  const kind = rule && typeof rule === 'object' && !Array.isArray(rule) ? (rule as { kind?: unknown }).kind : undefined;
  const where = { path: rulePath, indicator: indicatorAt(doc, rulePath) };
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) {
    return [m.issue('rule-not-object', { path: rulePath, property: 'rule', value: shown(rule) }, where)];
  }
  if (kind === undefined) {
    return [m.issue('unknown-rule-kind', { path: rulePath, property: 'rule', known: RULE_KINDS }, where)];
  }
  if (typeof kind !== 'string' || !RULE_KINDS.includes(kind)) {
    return [m.issue('unknown-rule-kind', { path: rulePath + '/kind', property: 'kind', kind: shown(kind), known: RULE_KINDS }, { ...where, path: rulePath + '/kind' })];
  }
  const v = kindValidator(KIND_DEF[kind]!);
  if (v(rule)) return [];
  return issuesOf(ctx, rebased(v.errors, rulePath), rulePath);
}

/** The same message at the same place once. */
function unique(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((x) => {
    const k = `${x.path}|${x.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Whether a scheme document is valid by its JSON Schema (the conformance check only: quick, and needs no
 * error-reporting validators). `schemaIssues` is empty exactly when this is true.
 */
export function schemeConforms(doc: unknown): boolean {
  return conforms.scheme(doc);
}

/**
 * JSON Schema errors of a scheme document (empty when it conforms).
 * @throws Error in the editor's workers when the document does not conform and `loadSchemaDetail()` has not
 *   been awaited (detail-lazy.ts)
 */
export function schemaIssues(doc: unknown): Issue[] {
  if (conforms.scheme(doc)) return [];
  const root = schemaDetail().scheme;
  const v = validatorAt(root, '');
  return v(doc) ? [] : unique(issuesOf({ doc, root, isScheme: true }, v.errors ?? []));
}

/**
 * JSON Schema errors of a case document (empty when it conforms). Throws as `schemaIssues` does.
 * With `names` (the case's scheme's, `schemeNames`) a reviewer entry or a fact is named by its name and
 * key — 评审录入“工作实绩”（outcomes）缺少“给分理由”（reason） — else by its key alone.
 */
export function caseSchemaIssues(doc: unknown, names?: SchemeNames): Issue[] {
  if (conforms.caseDoc(doc)) return [];
  const root = schemaDetail().caseDoc;
  const v = validatorAt(root, '');
  return v(doc) ? [] : unique(issuesOf({ doc, root, isScheme: false, ...(names ? { names } : {}) }, v.errors ?? []));
}
