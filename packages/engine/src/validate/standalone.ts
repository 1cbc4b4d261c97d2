/**
 * The validators, precompiled: ajv's standalone code for the scheme and case JSON Schemas, written to
 * validate/validators.generated.js by `pnpm emit-schema` (format/emit-schema.ts) beside the schema files
 * it is made from, and checked current by packages/engine/test/validators-drift.test.ts.
 *
 * Compiling the schemas with ajv at run time took ~150 ms in Node and ~270 ms in a fresh browser
 * worker (code generation plus `new Function`); the generated module is plain JavaScript that loads in
 * a few milliseconds and needs neither ajv's compiler nor `unsafe-eval`.
 *
 * What is compiled: the two documents, every `$defs` entry of the scheme schema (a rule kind is
 * validated on its own, validate/schema.ts `kindValidator`), and every alternative of every `anyOf` /
 * `oneOf` in both schemas (a failed union is retried alternative by alternative to report only the
 * one the value was meant as, `unionIssues`). Each is keyed `<$id>#<JSON pointer>`.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import ajvErrorsModule from 'ajv-errors';

// ajv and its plugins ship CommonJS; under ESM the export sits on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const ajvErrors = ((ajvErrorsModule as unknown as { default?: unknown }).default ?? ajvErrorsModule) as typeof ajvErrorsModule;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as typeof standaloneModule;

/** The options every validator is compiled with (validate/schema.ts relies on verbose errors and discriminator). */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, discriminator: true } as const;

/** A JSON Schema document as emitted (format/json-schema.ts): an absolute `$id`, `$defs`. */
type Root = { $id: string; $defs?: Record<string, unknown> } & Record<string, unknown>;

/** Keys (`<$id>#<pointer>`) of everything validate/schema.ts may ask for, in a stable order. */
export function validatorKeys(roots: readonly Root[]): string[] {
  const keys: string[] = [];
  for (const root of roots) {
    keys.push(`${root.$id}#`);
    for (const name of Object.keys(root.$defs ?? {})) keys.push(`${root.$id}#/$defs/${escape(name)}`);
    const visit = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const kw of ['anyOf', 'oneOf']) {
        const alts = (node as Record<string, unknown>)[kw];
        // a union of constants is reported as one list of allowed values, without trying its alternatives
        if (!Array.isArray(node) && Array.isArray(alts) && !alts.every((a) => isConst(root, a))) alts.forEach((_, k) => keys.push(`${root.$id}#${pointer}/${kw}/${k}`));
      }
      for (const [k, v] of Object.entries(node)) visit(v, `${pointer}/${escape(k)}`);
    };
    visit(root, '');
  }
  return [...new Set(keys)];
}

/** True when a schema node (its `$ref` followed within the document) is a `const`. */
function isConst(root: Root, node: unknown): boolean {
  let cur = node;
  for (let n = 0; n < 20 && cur && typeof cur === 'object' && typeof (cur as { $ref?: unknown }).$ref === 'string'; n++) {
    const ref = (cur as { $ref: string }).$ref;
    if (!ref.startsWith('#/')) return false;
    cur = ref
      .slice(2)
      .split('/')
      .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), root);
  }
  return !!cur && typeof cur === 'object' && 'const' in cur;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The ES module source of the precompiled validators: `export const validators = { "<key>": fn, ... }`.
 * ajv's runtime helpers (string length in code points, deep equality…) are imported from ajv's
 * `dist/runtime`, the only part of ajv the generated code needs.
 */
export function validatorsModule(roots: readonly Root[]): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true }, inlineRefs: false });
  ajvErrors(ajv);
  for (const root of roots) ajv.addSchema(root);
  const keys = validatorKeys(roots);
  const names: Record<string, string> = {};
  keys.forEach((key, i) => {
    const id = `jixiao:validator/${i}`;
    ajv.addSchema({ $id: id, $ref: key });
    names[`v${i}`] = id;
  });
  let code = standaloneCode(ajv, names);
  // standalone code `require`s ajv's runtime helpers even in ESM mode; turn those into imports
  const imports = new Map<string, string>();
  code = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)\.default/gi, (_, path: string) => {
    let name = imports.get(path);
    if (!name) {
      name = `runtime${imports.size}`;
      imports.set(path, name);
    }
    // a CommonJS module's default import is its `exports` under Node and its `exports.default` in a bundler
    return `(${name}.default ?? ${name})`;
  });
  const header = [
    '// GENERATED by packages/engine/src/format/emit-schema.ts (validate/standalone.ts) from schema/*.schema.json — do not edit.',
    '// 由 emit-schema 生成，请勿手改 (run `pnpm emit-schema` after changing the TypeBox definitions).',
    '/* eslint-disable */',
    ...[...imports].map(([path, name]) => `import ${name} from '${path}.js';`),
  ].join('\n');
  const table = keys.map((key, i) => `  ${JSON.stringify(key)}: v${i},`).join('\n');
  return `${header}\n${code.replace(/^"use strict";/, '')}\n\n/** Validators by \`<$id>#<JSON pointer>\`. */\nexport const validators = {\n${table}\n};\n`;
}
