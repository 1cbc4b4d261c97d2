/**
 * What reporting the errors of an invalid document needs: the full precompiled validators (ajv standalone
 * code with every error, verbose, ajv-errors' messages; validators.generated.js, ~1 MB of JavaScript) and
 * the schema documents they are made from (field names, pointers of unions). A valid document needs none of
 * it: it passes the conformance check (conforms.generated.js) and is done. Reached through detail.ts (loaded
 * with the engine) or detail-lazy.ts (loaded on demand, in the editor's workers).
 */
import type { ValidateFunction } from 'ajv';
import schemeSchema from '../../schema/scheme.schema.json' with { type: 'json' };
import caseSchema from '../../schema/case.schema.json' with { type: 'json' };
// ajv's standalone code, generated from the schema files by `pnpm emit-schema` (validate/standalone.ts):
// no schema is compiled at run time
import { validators } from './validators.generated.js';

/** A JSON Schema node as the emitted schema files hold it. */
export type SchemaNode = { [k: string]: unknown };
/** A schema document: an absolute `$id` and its `$defs`. */
export type SchemaRoot = { $id: string; $defs: Record<string, SchemaNode> } & SchemaNode;

/** The error-reporting validators by `<$id>#<JSON pointer>`, and the two schema documents. */
export interface SchemaDetail {
  validators: Readonly<Record<string, ValidateFunction | undefined>>;
  scheme: SchemaRoot;
  caseDoc: SchemaRoot;
}

export const detail: SchemaDetail = {
  validators,
  scheme: schemeSchema as unknown as SchemaRoot,
  caseDoc: caseSchema as unknown as SchemaRoot,
};
