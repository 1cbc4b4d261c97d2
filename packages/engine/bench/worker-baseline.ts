/**
 * The baseline of the first-recompute row of `pnpm bench`: the scheme and case JSON Schemas compiled by
 * ajv at run time (the same options the precompiled validators are generated with, validate/standalone.ts),
 * as the engine did before, and the scheme validated with the result.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import ajvErrorsModule from 'ajv-errors';
import schemeSchema from '../schema/scheme.schema.json' with { type: 'json' };
import caseSchema from '../schema/case.schema.json' with { type: 'json' };
import { AJV_OPTIONS } from '../src/validate/standalone.ts';

// ajv and its plugins ship CommonJS: the export may sit on `.default`
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const ajvErrors = ((ajvErrorsModule as unknown as { default?: unknown }).default ?? ajvErrorsModule) as typeof ajvErrorsModule;

/** Compiles both schemas with ajv now and validates `scheme` with the result. @throws when it is invalid */
export function baselineSchemaCompile(scheme: unknown): void {
  const ajv = new Ajv2020({ ...AJV_OPTIONS });
  ajvErrors(ajv);
  const v = ajv.compile(schemeSchema);
  ajv.compile(caseSchema);
  if (!v(scheme)) throw new Error('scheme invalid');
}
