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

export function registerSchemeSchema(jsonDefaults: JsonDefaultsLike): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [{ uri: SCHEME_SCHEMA_URI, fileMatch: [SCHEME_FILE_MATCH], schema: schemeSchema }],
  });
}
