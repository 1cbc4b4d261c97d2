/**
 * Registers the scheme document's JSON Schema (emitted by the engine from its TypeBox definition)
 * with Monaco's JSON language: completion, hover (the schema's Chinese descriptions) and
 * diagnostics for every model whose path ends in `.scheme.json`. No schema is fetched: it is
 * bundled, and schema requests are disabled.
 */
import schemeSchema from '@jixiao/engine/schema.json';

/** Model paths the schema applies to. */
export const SCHEME_FILE_MATCH = '*.scheme.json';

/**
 * The schema's URI. Scheme documents name their schema with a relative `$schema`
 * (`../../packages/engine/schema/scheme.schema.json`), which Monaco resolves against the model's
 * path; models are named `file:///schemes/<family>/<year>.scheme.json`, so that reference lands on
 * this URI and the bundled schema is used (nothing is fetched).
 */
export const SCHEME_SCHEMA_URI = 'file:///packages/engine/schema/scheme.schema.json';

/** Model path of a scheme document in the JSON view. */
export function schemeModelPath(family: string, year: string | number): string {
  return `file:///schemes/${family}/${year}.scheme.json`;
}

/** The subset of Monaco's `jsonDefaults` used here. */
interface JsonDefaultsLike {
  setDiagnosticsOptions(options: {
    validate: boolean;
    allowComments: boolean;
    enableSchemaRequest: boolean;
    schemaValidation: 'error' | 'warning' | 'ignore';
    schemas: { uri: string; fileMatch: string[]; schema: unknown }[];
  }): void;
}

/**
 * The schema as Monaco's JSON language is given it: without ajv-errors' `errorMessage` keywords. Those hold
 * message catalogue codes for the engine (`schema-number`, `schema-id`), and Monaco would show a code as
 * its diagnostic; without them it gives its own, beside the engine's Chinese marker for the same place.
 */
export function forMonaco(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forMonaco);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'errorMessage').map(([k, v]) => [k, forMonaco(v)]));
}

export function registerSchemeSchema(jsonDefaults: JsonDefaultsLike): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [{ uri: SCHEME_SCHEMA_URI, fileMatch: [SCHEME_FILE_MATCH], schema: forMonaco(schemeSchema) }],
  });
}
