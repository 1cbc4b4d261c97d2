/**
 * Writes packages/engine/schema/*.schema.json from the TypeBox definitions, and from them the
 * precompiled validators (ajv standalone code; validate/standalone.ts): the conformance check of a whole
 * document (validate/conforms.generated.js) and the error-reporting validators (validate/validators.generated.js).
 * Run: pnpm emit-schema
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema, caseJsonSchema } from './json-schema.ts';
import { conformsModule, validatorsModule } from '../validate/standalone.ts';

const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
const scheme = schemeJsonSchema();
const caseDoc = caseJsonSchema();
writeFileSync(dir + 'scheme.schema.json', JSON.stringify(scheme, null, 2) + '\n');
writeFileSync(dir + 'case.schema.json', JSON.stringify(caseDoc, null, 2) + '\n');
console.log('已生成 schema/scheme.schema.json、schema/case.schema.json (schemas emitted)');
type Root = Parameters<typeof validatorsModule>[0][number];
writeFileSync(fileURLToPath(new URL('../validate/validators.generated.js', import.meta.url)), validatorsModule([scheme as Root, caseDoc as Root]));
writeFileSync(fileURLToPath(new URL('../validate/conforms.generated.js', import.meta.url)), conformsModule([scheme as Root, caseDoc as Root]));
console.log('已生成 src/validate/validators.generated.js、src/validate/conforms.generated.js (precompiled validators emitted)');
