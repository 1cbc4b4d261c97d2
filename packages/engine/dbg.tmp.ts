import { readFileSync } from 'node:fs';
import { compile, evaluate } from './src/index.ts';
const doc = JSON.parse(readFileSync('schemes/shenzhen-department/2021.json', 'utf8'));
const kase = JSON.parse(readFileSync('schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json', 'utf8'));
const c = compile(doc);
if (!c.ok) throw new Error('x');
const r = evaluate(c.compiled, kase);
if (r.ok) {
  try { JSON.stringify(r.sheet); } catch (e) { console.log((e as Error).stack); }
}
