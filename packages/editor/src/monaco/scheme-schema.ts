/**
 * Registers the scheme document's JSON Schema (emitted by the engine from its TypeBox definition)
 * with Monaco's JSON language: completion, hover (the schema's Chinese descriptions) and
 * diagnostics for every model whose path ends in `.scheme.json`. No schema is fetched: it is
 * bundled, and schema requests are disabled.
 */
import schemeSchema from '@jixiao/engine/schema.json';

/** Model paths the schema applies to. */
export const SCHEME_FILE_MATCH = '*.scheme.json';

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
    schemas: [{ uri: 'https://jixiao.local/scheme.schema.json', fileMatch: [SCHEME_FILE_MATCH], schema: schemeSchema }],
  });
}
