/**
 * `pnpm bench`: scores 10,000 generated fact sets under schemes/shenzhen-department/2021.json with
 * jixiao (compile once, evaluate per sheet), then does the same scheme's conditions with
 * json-rules-engine (`engine.run` once per sheet) — once with jixiao's own numbers for reference, then
 * as the stack would be without jixiao (decimal.js operators, mathjs BigNumber metrics) — and prints µs
 * per sheet, the total time, heap used, and last the ratio (json-rules-engine µs per sheet with
 * decimal.js and mathjs ÷ jixiao µs per sheet).
 *
 * json-rules-engine only decides which branch each condition takes; jixiao also validates the facts,
 * computes every score with its trace, the totals and the grade — so the ratio understates jixiao's lead.
 * Environment: BENCH_SHEETS (default 10000), BENCH_SCHEME (default the 2021 Shenzhen scheme).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { compile, evaluate, formatIssue, type Scheme } from '../src/index.ts';
import { generateCases } from './facts-gen.ts';
import { buildEngine } from './jre.ts';

const SHEETS = Number(process.env.BENCH_SHEETS ?? 10_000);
const WARMUP = Math.min(1_000, SHEETS);
const schemePath = process.env.BENCH_SCHEME ?? fileURLToPath(new URL('../../../schemes/shenzhen-department/2021.json', import.meta.url));

const mb = () => `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`;
const us = (ms: number) => (ms * 1000) / SHEETS;

async function main() {
  const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as Scheme;
  console.log(`方案 scheme: ${scheme.title} ${scheme.year} (${schemePath})`);
  const cases = generateCases(scheme, SHEETS);
  console.log(`生成事实 generated fact sets: ${cases.length}; heap used ${mb()}`);

  // jixiao: compile once, evaluate per sheet
  let t = performance.now();
  const c = compile(scheme);
  const compileMs = performance.now() - t;
  if (!c.ok) {
    console.error(c.issues.map(formatIssue).join('\n'));
    process.exit(1);
  }
  for (let i = 0; i < WARMUP; i++) evaluate(c.compiled, cases[i]!);
  let failed = 0;
  let firstFailure = '';
  t = performance.now();
  for (const k of cases) {
    const r = evaluate(c.compiled, k);
    if (!r.ok) {
      failed++;
      firstFailure ||= r.issues.map(formatIssue).join('\n');
    }
  }
  const jixiaoMs = performance.now() - t;
  console.log(`jixiao: compile ${compileMs.toFixed(1)} ms; ${SHEETS} sheets in ${jixiaoMs.toFixed(1)} ms = ${us(jixiaoMs).toFixed(1)} µs/sheet; heap used ${mb()}`);
  if (failed) console.log(`  ${failed} sheets with issues, e.g.\n${firstFailure}`);

  // json-rules-engine: the scheme's conditions as rules, engine.run per sheet — first as the stack would
  // be without jixiao (decimal.js operators, mathjs BigNumber metrics), then with jixiao's numbers
  const runJre = async (numbers: 'decimal.js' | 'jixiao') => {
    t = performance.now();
    const { engine, ruleCount } = buildEngine(scheme, numbers);
    const buildMs = performance.now() - t;
    for (let i = 0; i < WARMUP; i++) await engine.run(cases[i]!.facts);
    let events = 0;
    t = performance.now();
    for (const k of cases) events += (await engine.run(k.facts)).events.length;
    const ms = performance.now() - t;
    console.log(
      `json-rules-engine (${numbers === 'decimal.js' ? 'decimal.js operators, mathjs BigNumber metrics' : "jixiao's numbers and compiled formulas"}): ${ruleCount} rules, build ${buildMs.toFixed(1)} ms; ${SHEETS} runs in ${ms.toFixed(1)} ms = ${us(ms).toFixed(1)} µs/sheet (${(events / SHEETS).toFixed(1)} branch events/sheet); heap used ${mb()}`,
    );
    return ms;
  };
  const jixiaoNumbersMs = await runJre('jixiao');
  const jreMs = await runJre('decimal.js');
  console.log(`  (with jixiao's numbers json-rules-engine is ${(us(jixiaoNumbersMs) / us(jixiaoMs)).toFixed(2)}× jixiao's time)`);
  console.log(`ratio: ${(us(jreMs) / us(jixiaoMs)).toFixed(2)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
