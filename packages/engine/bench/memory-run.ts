/**
 * `node --expose-gc <bundle> <scheme> <sheets>`: one kept-sheets measurement (memory.ts) in a process of
 * its own, printed as one JSON line for bench/run.mjs.
 */
import { keptSheets } from './memory.ts';

const [schemePath, n] = process.argv.slice(2);
console.log(JSON.stringify(keptSheets(schemePath!, Number(n), Number(n) <= 20_000)));
