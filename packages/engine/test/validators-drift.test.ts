/**
 * The precompiled validators (src/validate/validators.generated.js, ajv standalone code) are exactly what
 * the committed schema files compile to now, so validation at run time is the schema's. Stale after a
 * change of the TypeBox definitions: run `pnpm emit-schema` and commit the result.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatorKeys, validatorsModule } from '../src/validate/standalone.ts';
import { validators } from '../src/validate/validators.generated.js';

type Root = Parameters<typeof validatorsModule>[0][number];
const schemaFile = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../schema/${name}`, import.meta.url)), 'utf8')) as Root;
const roots = [schemaFile('scheme.schema.json'), schemaFile('case.schema.json')];

describe('precompiled validators', () => {
  it('validators.generated.js is what the committed schemas compile to (run `pnpm emit-schema` if not)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../src/validate/validators.generated.js', import.meta.url)), 'utf8');
    expect(committed === validatorsModule(roots), 'validators.generated.js is stale: run `pnpm emit-schema` and commit the result').toBe(true);
  });

  it('has a validator for each document, each definition and each alternative of a union', () => {
    const keys = validatorKeys(roots);
    expect(Object.keys(validators).sort()).toEqual([...keys].sort());
    expect(keys).toContain('https://jixiao.local/scheme.schema.json#');
    expect(keys).toContain('https://jixiao.local/case.schema.json#');
    expect(keys).toContain('https://jixiao.local/scheme.schema.json#/$defs/TiersRule');
    expect(keys).toContain('https://jixiao.local/scheme.schema.json#/$defs/Rule/anyOf/0');
  });

  it('a precompiled validator accepts and refuses as the schema says', () => {
    const num = validators['https://jixiao.local/scheme.schema.json#/$defs/Num']!;
    expect(num('0.95')).toBe(true);
    expect(num(6)).toBe(true);
    expect(num('六分')).toBe(false);
    expect(num.errors?.[0]?.message).toBe('schema-number');
  });
});
