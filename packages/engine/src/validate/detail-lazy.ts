/**
 * detail.ts as the editor's workers have it (packages/editor/vite.config.ts puts this module in its place):
 * the error-reporting validators and schemas (detail-data.ts, ~1 MB of generated code) are a chunk of their
 * own, loaded by `loadSchemaDetail()` when a document fails the conformance check or once the first result
 * is sent. A valid scheme is validated, compiled and scored without it.
 */
import type { SchemaDetail } from './detail-data.ts';

let loaded: SchemaDetail | undefined;
let loading: Promise<void> | undefined;

/**
 * The error-reporting validators and schemas.
 * @throws Error when `loadSchemaDetail()` has not finished (a defect of the caller, not the user's input)
 */
export function schemaDetail(): SchemaDetail {
  if (!loaded) throw new Error('校验详情尚未加载 (schema detail not loaded: await loadSchemaDetail() before validating a document that does not conform)');
  return loaded;
}

/** Whether `schemaDetail()` may be called now. */
export function schemaDetailLoaded(): boolean {
  return loaded !== undefined;
}

/** Loads the error-reporting validators (once; later calls share the same load). */
export function loadSchemaDetail(): Promise<void> {
  loading ??= import('./detail-data.ts').then(
    (m) => {
      loaded = m.detail;
    },
    (e: unknown) => {
      // a failed fetch is tried again by the next call
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
