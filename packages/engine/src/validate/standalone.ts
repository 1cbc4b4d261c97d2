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
 * The options of the conformance check (`conformsModule`): the same schemas with the same outcome — valid or
 * not — as AJV_OPTIONS, but without collecting every error (`allErrors`), without copies of the schema in
 * each error (`verbose`) and without ajv-errors' messages (`errorMessage` replaces errors; it never changes
 * whether a value is valid). The code is about a third the size and a valid scheme is checked 5–10× faster;
 * the errors of an invalid one are reported by the full validators.
 */
export const CONFORMS_OPTIONS = { allErrors: false, strict: false, allowUnionTypes: true, verbose: false, discriminator: true, messages: false } as const;

/** A schema node with its local `$ref` (`#/$defs/...`) followed, or undefined. */
function derefLocal(root: Root, node: unknown): Record<string, unknown> | undefined {
  let cur = node;
  for (let n = 0; n < 20 && cur && typeof cur === 'object' && typeof (cur as { $ref?: unknown }).$ref === 'string'; n++) {
    const ref = (cur as { $ref: string }).$ref;
    if (!ref.startsWith('#/')) return undefined;
    cur = ref
      .slice(2)
      .split('/')
      .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), root);
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>) : undefined;
}

/**
 * The property that tags every alternative of a union: each alternative is an object schema that requires it
 * and fixes it to its own `const` string, all different (a rule's `kind`); or null.
 */
function unionTag(root: Root, alts: unknown[]): string | null {
  const first = derefLocal(root, alts[0]);
  const candidates = Array.isArray(first?.['required']) ? (first['required'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  for (const tag of candidates) {
    const values = alts.map((a) => {
      const s = derefLocal(root, a);
      const p = (s?.['properties'] as Record<string, { const?: unknown }> | undefined)?.[tag];
      const required = Array.isArray(s?.['required']) && (s['required'] as unknown[]).includes(tag);
      return s?.['type'] === 'object' && required && typeof p?.const === 'string' ? p.const : null;
    });
    if (values.every((v) => v !== null) && new Set(values).size === values.length) return tag;
  }
  return null;
}

/**
 * A copy of a schema document in which every union tagged by one property (`Rule`: `kind` is `tiers`,
 * `ratio`…) is checked by its tag — ajv's `discriminator` over `oneOf` — instead of trying each
 * alternative in turn. The same values are valid: the tag's value selects the only alternative that could
 * match (the others fix the tag to another constant), a value without the tag or with an unknown one
 * matches none either way.
 */
export function withDiscriminators<T extends Root>(root: T): T {
  const copy = structuredClone(root);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node)) {
      const n = node as Record<string, unknown>;
      const alts = n['anyOf'];
      const tag = Array.isArray(alts) && alts.length > 1 ? unionTag(copy, alts) : null;
      if (tag) {
        delete n['anyOf'];
        Object.assign(n, { type: 'object', required: [tag], discriminator: { propertyName: tag }, oneOf: alts });
      }
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(copy);
  return copy;
}

/** Keywords that describe a value but never decide whether it is valid (ajv-errors' `errorMessage` only words the errors). */
const ANNOTATIONS = ['title', 'description', 'errorMessage', '$comment', 'examples'] as const;

/**
 * A copy of a schema document without its annotations (ANNOTATIONS): ajv's code embeds schema objects it
 * checks property names against, and with them every Chinese description below them. Only keywords are
 * removed: a property named `description` (an indicator's 指标说明) stays.
 */
export function withoutAnnotations<T extends Root>(root: T): T {
  const copy = structuredClone(root);
  const schema = (node: unknown): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const n = node as Record<string, unknown>;
    for (const k of ANNOTATIONS) delete n[k];
    for (const k of ['properties', 'patternProperties', '$defs', 'dependentSchemas']) {
      const map = n[k];
      if (map && typeof map === 'object') Object.values(map).forEach(schema);
    }
    for (const k of ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else']) schema(n[k]);
    for (const k of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(n[k])) (n[k] as unknown[]).forEach(schema);
  };
  schema(copy);
  return copy;
}

/** ajv's standalone code made an ES module: its `require`s of ajv's runtime helpers become imports. */
function esModule(code: string, exports: string): string {
  const imports = new Map<string, string>();
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)\.default/gi, (_, path: string) => {
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
  return `${header}\n${body.replace(/^"use strict";/, '')}\n\n${exports}`;
}

/**
 * ajv's generated code with each error object (`{instancePath, schemaPath, keyword, params}`) written as `0`:
 * the conformance check is asked only whether a document is valid, which ajv's code decides by counting
 * errors (`errors++`, the length of `vErrors` and of a called validator's `.errors`), never by reading them.
 * About a third of the code goes; the full validators keep their errors.
 */
export function withoutErrorObjects(code: string): string {
  let out = '';
  let from = 0;
  // an object literal starting `{instancePath,` or `{instancePath:` is an error object when it has a
  // `schemaPath`; the options one validator passes to another (`{instancePath:…,parentData:…}`) stay, and
  // so do a validator's parameters (`{instancePath="",…}`)
  const start = /\{instancePath[,:]/g;
  for (let m = start.exec(code); m; m = start.exec(code)) {
    const at = m.index;
    // the balanced object literal, skipping strings (a pattern in `params` may hold braces: "\\p{L}")
    let depth = 0;
    let i = at;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '"' || c === "'" || c === '`') {
        for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (depth !== 0) throw new Error(`unbalanced object literal in ajv's code at ${at}`);
    const literal = code.slice(at, i + 1);
    if (!literal.includes(',schemaPath:') || literal.includes(',parentData:')) continue;
    out += code.slice(from, at) + '0';
    from = i + 1;
    start.lastIndex = from;
  }
  return out + code.slice(from);
}

/**
 * The ES module source of the conformance check (validate/conforms.generated.js): `export const conforms =
 * { scheme, caseDoc }`, each `(doc) => boolean`, compiled with CONFORMS_OPTIONS from the documents without
 * annotations (`withoutAnnotations`), their tagged unions checked by tag (`withDiscriminators`), and no
 * error objects written (`withoutErrorObjects`). What the first recompute of a valid scheme
 * needs; the error-reporting validators (`validatorsModule`) are loaded only for a document that fails it.
 */
export function conformsModule(roots: readonly [scheme: Root, caseDoc: Root]): string {
  const ajv = new Ajv2020({ ...CONFORMS_OPTIONS, code: { source: true, esm: true, lines: true, optimize: 3 }, inlineRefs: false });
  Object.assign(ajv.opts, { unevaluated: false, dynamicRef: false });
  const [scheme, caseDoc] = roots.map((r) => withDiscriminators(withoutAnnotations(r)));
  ajv.addSchema(scheme!);
  ajv.addSchema(caseDoc!);
  const code = withoutErrorObjects(standaloneCode(ajv, { conformsScheme: scheme!.$id, conformsCase: caseDoc!.$id }));
  return esModule(
    code,
    '/** Whether a scheme / a case document is valid by its JSON Schema (no errors collected). */\nexport const conforms = { scheme: conformsScheme, caseDoc: conformsCase };\n',
  );
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
  const code = standaloneCode(ajv, names);
  const table = keys.map((key, i) => `  ${JSON.stringify(key)}: v${i},`).join('\n');
  return esModule(code, `/** Validators by \`<$id>#<JSON pointer>\`. */\nexport const validators = {\n${table}\n};\n`);
}
