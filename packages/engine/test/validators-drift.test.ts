/**
 * The precompiled validators (src/validate/validators.generated.js and conforms.generated.js, ajv standalone
 * code) are exactly what the committed schema files compile to now, so validation at run time is the
 * schema's; and the conformance check says valid exactly when the full validator does. Stale after a
 * change of the TypeBox definitions: run `pnpm emit-schema` and commit the result.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conformsModule, validatorKeys, validatorsModule, withDiscriminators, withoutAnnotations, withoutErrorObjects } from '../src/validate/standalone.ts';
import { validators } from '../src/validate/validators.generated.js';
import { conforms } from '../src/validate/conforms.generated.js';

type Root = Parameters<typeof validatorsModule>[0][number];
const schemaFile = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../schema/${name}`, import.meta.url)), 'utf8')) as Root;
const roots = [schemaFile('scheme.schema.json'), schemaFile('case.schema.json')] as [Root, Root];
const SCHEME = 'https://jixiao.local/scheme.schema.json#';
const CASE = 'https://jixiao.local/case.schema.json#';

/** Every JSON file under schemes/ (schemes and their cases), without saved drafts. */
function documents(dir = fileURLToPath(new URL('../../../schemes/', import.meta.url))): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '.history' ? [] : documents(p);
    return name.endsWith('.json') ? [p] : [];
  });
}

describe('precompiled validators', () => {
  it('validators.generated.js is what the committed schemas compile to (run `pnpm emit-schema` if not)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../src/validate/validators.generated.js', import.meta.url)), 'utf8');
    expect(committed === validatorsModule(roots), 'validators.generated.js is stale: run `pnpm emit-schema` and commit the result').toBe(true);
  });

  it('conforms.generated.js is what the committed schemas compile to (run `pnpm emit-schema` if not)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../src/validate/conforms.generated.js', import.meta.url)), 'utf8');
    expect(committed === conformsModule(roots), 'conforms.generated.js is stale: run `pnpm emit-schema` and commit the result').toBe(true);
  });

  it('the rule union is checked by its kind in the conformance check, and only there', () => {
    const rule = withDiscriminators(roots[0]).$defs!['Rule'] as Record<string, unknown>;
    expect(rule['discriminator']).toEqual({ propertyName: 'kind' });
    expect(rule['anyOf']).toBeUndefined();
    expect((rule['oneOf'] as unknown[]).length).toBe(((roots[0].$defs!['Rule'] as { anyOf: unknown[] }).anyOf).length);
    // the condition union (all / any / not / a comparison) has no tag and stays as it is
    expect((withDiscriminators(roots[0]).$defs!['Condition'] as { anyOf?: unknown[] }).anyOf).toHaveLength(4);
    expect((roots[0].$defs!['Rule'] as { anyOf?: unknown[] }).anyOf).toBeDefined();
  });

  it('the conformance check agrees with the full validator on every scheme and case of schemes/', () => {
    const files = documents();
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const doc = JSON.parse(readFileSync(f, 'utf8')) as { indicators?: unknown };
      const isScheme = Array.isArray(doc.indicators);
      const full = validators[isScheme ? SCHEME : CASE]!(doc);
      expect(isScheme ? conforms.scheme(doc) : conforms.caseDoc(doc), f).toBe(full);
      expect(full, f).toBe(true);
    }
  });

  it('the conformance check refuses what the full validator refuses: broken rules, fields, numbers', () => {
    const scheme = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemes/shenzhen-department/2021.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
    type Leaf = { rule?: Record<string, unknown>; children?: Leaf[]; points?: unknown };
    const variants: Array<[string, (d: { indicators: Leaf[]; [k: string]: unknown }) => void]> = [
      ['unknown kind', (d) => (firstLeaf(d.indicators).rule!['kind'] = 'tier')],
      ['no kind', (d) => delete firstLeaf(d.indicators).rule!['kind']],
      ['kind not a string', (d) => (firstLeaf(d.indicators).rule!['kind'] = 3)],
      ['rule not an object', (d) => (firstLeaf(d.indicators).rule = [] as never)],
      ['a field of another kind', (d) => (firstLeaf(d.indicators).rule!['items'] = [])],
      ['a rule of one kind under another kind', (d) => (firstLeaf(d.indicators).rule = { kind: 'ratio', tiers: [] })],
      ['points in words', (d) => (firstLeaf(d.indicators).points = '六分')],
      ['an unknown top-level field', (d) => (d['extra'] = 1)],
      ['no indicators', (d) => delete (d as Record<string, unknown>)['indicators']],
    ];
    const firstLeaf = (list: Leaf[]): Leaf => (list[0]!.children ? firstLeaf(list[0]!.children) : list[0]!);
    expect(validators[SCHEME]!(scheme)).toBe(true);
    for (const [what, change] of variants) {
      const doc = structuredClone(scheme) as { indicators: Leaf[] };
      change(doc);
      expect(validators[SCHEME]!(doc), what).toBe(false);
      expect(conforms.scheme(doc), what).toBe(false);
    }
    expect(conforms.scheme(null)).toBe(false);
    expect(conforms.caseDoc({})).toBe(false);
  });

  it('the conformance check agrees with the full validator on every one-place change of a scheme and a case', () => {
    // each value of the document (sampled: every third place) deleted, or replaced by a value of another type
    const replacements: unknown[] = [undefined, 'x', -1, 2.5, null, true, [], {}, '95%'];
    const places = (v: unknown, path: (string | number)[] = []): (string | number)[][] =>
      v && typeof v === 'object' ? [path, ...Object.entries(v).flatMap(([k, x]) => places(x, [...path, Array.isArray(v) ? Number(k) : k]))] : [path];
    const set = (doc: unknown, path: (string | number)[], value: unknown): void => {
      const parent = path.slice(0, -1).reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], doc) as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      if (value === undefined && !Array.isArray(parent)) delete parent[key];
      else parent[key] = value;
    };
    let tried = 0;
    let refused = 0;
    for (const [file, key, check] of [
      ['schemes/shenzhen-department/2021.json', SCHEME, conforms.scheme],
      ['schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json', CASE, conforms.caseDoc],
    ] as const) {
      const doc = JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${file}`, import.meta.url)), 'utf8')) as unknown;
      places(doc)
        .filter((p, i) => p.length > 0 && i % 3 === 0)
        .forEach((path, i) => {
          const changed = structuredClone(doc);
          set(changed, path, replacements[i % replacements.length]);
          const full = validators[key]!(changed);
          expect(check(changed), `${file} ${path.join('/')} = ${JSON.stringify(replacements[i % replacements.length])}`).toBe(full);
          tried++;
          if (!full) refused++;
        });
    }
    // enough changes, and both outcomes among them
    expect(tried).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(100);
    expect(tried - refused).toBeGreaterThan(20);
  });

  it('annotations go from the conformance check, not properties that share their names', () => {
    const bare = withoutAnnotations(roots[0]);
    const indicator = bare.$defs!['Indicator'] as { description?: string; properties: Record<string, unknown> };
    expect(indicator.description).toBeUndefined();
    // 指标说明 is a property named `description`: it stays, without its own annotation
    expect(indicator.properties['description']).toEqual({ type: 'string' });
    expect(JSON.stringify(bare)).not.toContain('errorMessage');
  });

  it('error objects are written as 0 in the conformance check, the options passed between validators stay', () => {
    const code = 'if(x){validate1.errors = [{instancePath:instancePath+"/id",schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}_]"}}];return false;}' + 'validate2(d, {instancePath:instancePath+"/a",parentData:data,parentDataProperty:"a",rootData});function v(data, {instancePath="", parentData}={}){}';
    expect(withoutErrorObjects(code)).toBe('if(x){validate1.errors = [0];return false;}' + 'validate2(d, {instancePath:instancePath+"/a",parentData:data,parentDataProperty:"a",rootData});function v(data, {instancePath="", parentData}={}){}');
    expect(readFileSync(fileURLToPath(new URL('../src/validate/conforms.generated.js', import.meta.url)), 'utf8')).not.toContain('schemaPath');
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
