/** Types of validators.generated.js (ajv standalone code written by `pnpm emit-schema`; see standalone.ts). */
import type { ValidateFunction } from 'ajv';

/** Precompiled validators by `<$id>#<JSON pointer>` (`https://jixiao.local/scheme.schema.json#/$defs/TiersRule`). */
export declare const validators: Record<string, ValidateFunction>;
