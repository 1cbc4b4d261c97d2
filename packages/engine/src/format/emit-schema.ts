/**
 * Writes packages/engine/schema/*.schema.json from the TypeBox definitions, and from them the
 * precompiled validators (validate/validators.generated.js, ajv standalone code; validate/standalone.ts).
 * Run: pnpm emit-schema
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema, caseJsonSchema } from './json-schema.ts';
import { validatorsModule } from '../validate/standalone.ts';

const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
const scheme = schemeJsonSchema();
const caseDoc = caseJsonSchema();
writeFileSync(dir + 'scheme.schema.json', JSON.stringify(scheme, null, 2) + '\n');
writeFileSync(dir + 'case.schema.json', JSON.stringify(caseDoc, null, 2) + '\n');
console.log('已生成 schema/scheme.schema.json、schema/case.schema.json (schemas emitted)');
type Root = Parameters<typeof validatorsModule>[0][number];
writeFileSync(fileURLToPath(new URL('../validate/validators.generated.js', import.meta.url)), validatorsModule([scheme as Root, caseDoc as Root]));
console.log('已生成 src/validate/validators.generated.js (precompiled validators emitted)');
