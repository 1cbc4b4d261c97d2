/**
 * Produces the plain JSON Schema documents (draft 2020-12) from the TypeBox definitions:
 * TypeBox's module refs (`$ref: "Rule"` + `$id` on each definition) become standard
 * `#/$defs/Rule` refs, and TypeBox's symbol keys are dropped by the JSON round trip.
 * The emitted files in packages/engine/schema/ are what ajv and Monaco load.
 */
import { SchemeModule, schemeModule } from './scheme-types.ts';
import type { KindSchema } from '../rules/kind.ts';
import { CaseSchema } from './case-types.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function rewriteRefs(node: Json, defsPrefix: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, defsPrefix));
  if (node && typeof node === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$id') continue;
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) out[k] = `${defsPrefix}${v}`;
      else out[k] = rewriteRefs(v as Json, defsPrefix);
    }
    return out;
  }
  return node;
}

/**
 * The scheme document's JSON Schema, `$id` https://jixiao.local/scheme.schema.json.
 * @param kinds the rule kinds (default: the registry's, the production format; a test may add a kind)
 */
export function schemeJsonSchema(kinds?: readonly KindSchema[]): Record<string, unknown> {
  // serialised at once: the module's static type is not needed here
  const module = (kinds ? schemeModule(kinds) : SchemeModule) as unknown as { Import(key: 'Scheme'): unknown };
  const imported = JSON.parse(JSON.stringify(module.Import('Scheme'))) as { $defs: Record<string, Json> };
  const defs = rewriteRefs(imported.$defs, '#/$defs/') as Record<string, Json>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://jixiao.local/scheme.schema.json',
    title: '绩效评价方案（jixiao scheme）',
    $ref: '#/$defs/Scheme',
    $defs: defs,
  };
}

/** The case document's JSON Schema. */
export function caseJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(CaseSchema)) as Record<string, Json>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://jixiao.local/case.schema.json',
    title: '绩效评价案例（jixiao case）',
    ...(rewriteRefs(plain, '#/$defs/') as Record<string, Json>),
  };
}
