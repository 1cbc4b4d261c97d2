/**
 * The TypeScript types and the JSON Schema cannot drift apart: the committed schema files are exactly
 * what the TypeBox definitions emit now, and a typed `Scheme` literal (fixtures/typed-scheme.ts, which
 * type-checks against the types) validates with ajv against the committed schema.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { caseJsonSchema, schemeJsonSchema } from '../src/format/json-schema.ts';
import { compile, evaluate, validateCase, validateScheme } from '../src/index.ts';
import { typedCase, typedScheme } from './fixtures/typed-scheme.ts';

// ajv ships CommonJS; under ESM its class may sit on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const schemaFile = (name: string) => readFileSync(fileURLToPath(new URL(`../schema/${name}`, import.meta.url)), 'utf8');
const HINT = 'run `npx tsx packages/engine/src/format/emit-schema.ts` and commit the result';

describe('committed JSON Schemas equal what the TypeBox definitions emit', () => {
  it.each([
    ['scheme.schema.json', schemeJsonSchema],
    ['case.schema.json', caseJsonSchema],
  ] as const)('%s', (name, emit) => {
    const committed = schemaFile(name);
    expect(JSON.parse(committed), `${name} is stale: ${HINT}`).toEqual(emit());
    // byte for byte, as emit-schema.ts writes it
    expect(committed, `${name} formatting differs: ${HINT}`).toBe(JSON.stringify(emit(), null, 2) + '\n');
  });
});

describe('a typed Scheme literal validates against the committed schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validateSchemeDoc = ajv.compile(JSON.parse(schemaFile('scheme.schema.json')));
  const validateCaseDoc = ajv.compile(JSON.parse(schemaFile('case.schema.json')));

  it('the scheme (every rule kind and modifier)', () => {
    const ok = validateSchemeDoc(JSON.parse(JSON.stringify(typedScheme)));
    expect(validateSchemeDoc.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the case', () => {
    const ok = validateCaseDoc(JSON.parse(JSON.stringify(typedCase)));
    expect(validateCaseDoc.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the rule kinds in the schema are the rule kinds in the types', () => {
    const kinds = new Set<string>();
    const walk = (rules: unknown[]) =>
      rules.forEach((r) => {
        const rule = r as { kind: string; parts?: { rule: unknown }[] };
        kinds.add(rule.kind);
        if (rule.parts) walk(rule.parts.map((p) => p.rule));
      });
    walk(typedScheme.indicators[0]!.children!.map((c) => c.rule));
    const schema = JSON.parse(schemaFile('scheme.schema.json')) as { $defs: Record<string, { properties?: { kind?: { const?: string } } }> };
    const inSchema = Object.values(schema.$defs)
      .map((d) => d.properties?.kind?.const)
      .filter((k): k is string => typeof k === 'string');
    expect([...kinds].sort()).toEqual([...inSchema].sort());
  });

  it('the engine accepts both too, and scores the case', () => {
    expect(validateScheme(typedScheme).filter((i) => i.severity === 'error')).toEqual([]);
    expect(validateCase(typedCase)).toEqual([]);
    const c = compile(typedScheme);
    expect(c.ok).toBe(true);
    if (c.ok) expect(evaluate(c.compiled, typedCase).ok).toBe(true);
  });
});
