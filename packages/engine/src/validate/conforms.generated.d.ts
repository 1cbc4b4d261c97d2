/** Types of conforms.generated.js (ajv standalone code written by `pnpm emit-schema`; see standalone.ts `conformsModule`). */

/** Whether a document is valid by its JSON Schema; collects no errors (the full validators report them). */
export declare const conforms: { scheme: (doc: unknown) => boolean; caseDoc: (doc: unknown) => boolean };
