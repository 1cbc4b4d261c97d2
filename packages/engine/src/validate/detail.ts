/**
 * The error-reporting validators (detail-data.ts), loaded with the engine: what the command line, the server
 * and the tests use, where every call is synchronous and a start costs little next to the work.
 *
 * The editor's workers are built with detail-lazy.ts in this module's place (packages/editor/vite.config.ts),
 * so that ~1 MB of validator code is neither fetched nor parsed before the first recompute of a valid scheme;
 * a worker calls `loadSchemaDetail()` before it validates a document that does not conform. Both modules
 * export the same three functions.
 */
import { detail, type SchemaDetail } from './detail-data.ts';

/** The error-reporting validators and schemas (always loaded here). */
export function schemaDetail(): SchemaDetail {
  return detail;
}

/** Whether `schemaDetail()` may be called without `loadSchemaDetail()` first: always, here. */
export function schemaDetailLoaded(): boolean {
  return true;
}

/** Makes `schemaDetail()` available; here it always is. */
export async function loadSchemaDetail(): Promise<void> {}
