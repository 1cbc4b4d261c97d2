/** Writes packages/engine/schema/*.schema.json from the TypeBox definitions. Run: pnpm emit-schema */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema, caseJsonSchema } from './json-schema.ts';

const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
writeFileSync(dir + 'scheme.schema.json', JSON.stringify(schemeJsonSchema(), null, 2) + '\n');
writeFileSync(dir + 'case.schema.json', JSON.stringify(caseJsonSchema(), null, 2) + '\n');
console.log('已生成 schema/scheme.schema.json、schema/case.schema.json (schemas emitted)');
