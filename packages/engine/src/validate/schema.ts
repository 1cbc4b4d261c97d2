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

// ajv ships CommonJS; under ESM its class sits on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const localize = ((localizeZh as unknown as { default?: unknown }).default ?? localizeZh) as (errors?: ErrorObject[] | null) => void;

const RULE_KINDS = ['tiers', 'options', 'ratio', 'formula', 'sum', 'checklist', 'deduction', 'linearPenalty', 'judgement', 'targets'];
const KIND_DEF: Record<string, string> = {
  tiers: 'TiersRule',
  options: 'OptionsRule',
  ratio: 'RatioRule',
  formula: 'FormulaRule',
  sum: 'SumRule',
  checklist: 'ChecklistRule',
  deduction: 'DeductionRule',
  linearPenalty: 'LinearPenaltyRule',
  judgement: 'JudgementRule',
  targets: 'TargetsRule',
};

let validators: { scheme: ValidateFunction; caseDoc: ValidateFunction } | null = null;
function get() {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    validators = { scheme: ajv.compile(schemeSchema), caseDoc: ajv.compile(caseSchema) };
  }
  return validators;
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

/** The nearest enclosing rule object of a path: its path and kind. */
function ruleAt(doc: unknown, path: string): { path: string; kind: unknown } | null {
  const segs = path.split('/');
  for (let n = segs.length; n > 0; n--) {
    const p = segs.slice(0, n).join('/');
    if (!/\/rule$/.test(p)) continue;
    const v = at(doc, p);
    if (v && typeof v === 'object' && !Array.isArray(v)) return { path: p, kind: (v as { kind?: unknown }).kind };
  }
  return null;
}

function toIssues(doc: unknown, errors: ErrorObject[], isScheme: boolean): Issue[] {
  const english = errors.map((e) => ({ ...e }));
  localize(errors);
  const out: Issue[] = [];
  const unknownKinds = new Set<string>();
  errors.forEach((e, i) => {
    const path = e.instancePath;
    if (isScheme) {
      const rule = ruleAt(doc, path);
      if (rule) {
        const kind = rule.kind;
        if (typeof kind !== 'string' || !RULE_KINDS.includes(kind)) {
          if (!unknownKinds.has(rule.path)) {
            unknownKinds.add(rule.path);
            out.push(
              issue('unknown-rule-kind', `未知的计分规则类型 kind: ${JSON.stringify(kind)}；可用的类型：${RULE_KINDS.join('、')}`, `unknown rule kind ${JSON.stringify(kind)}; known kinds: ${RULE_KINDS.join(', ')}`, {
                path: rule.path + '/kind',
                indicator: indicatorAt(doc, path),
              }),
            );
          }
          return;
        }
        const own = KIND_DEF[kind]!;
        const m = e.schemaPath.match(/\$defs\/(\w+Rule)\//);
        if (m && m[1] !== own && path.startsWith(rule.path) && path.split('/').length <= rule.path.split('/').length + 1) return;
        if (e.keyword === 'anyOf' && path === rule.path) return;
        if (m && m[1] !== own && path === rule.path) return;
      }
    }
    if (e.keyword === 'anyOf' && errors.some((o) => o !== e && o.instancePath.startsWith(path) && o.keyword !== 'anyOf')) return;
    const extra = e.keyword === 'additionalProperties' ? `：${String((e.params as { additionalProperty?: string }).additionalProperty)}` : '';
    out.push(
      issue(`schema-${e.keyword}`, `${path || '文档'} ${e.message ?? ''}${extra}`, `${path || 'document'} ${english[i]!.message ?? ''}${extra}`, {
        path,
        indicator: isScheme ? indicatorAt(doc, path) : undefined,
      }),
    );
  });
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
