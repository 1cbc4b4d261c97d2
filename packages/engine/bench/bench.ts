/**
 * `pnpm bench`: scores 10,000 generated fact sets under schemes/shenzhen-department/2021.json with
 * jixiao (compile once, evaluate per sheet), then does the same scheme's conditions with
 * json-rules-engine (`engine.run` once per sheet) — once with jixiao's own numbers for reference, then
 * as the stack would be without jixiao (decimal.js operators, mathjs BigNumber metrics) — and prints µs
 * per sheet, the total time, heap used, and last the ratio (json-rules-engine µs per sheet with
 * decimal.js and mathjs ÷ jixiao µs per sheet). Each is timed in BENCH_ROUNDS (default 3) interleaved
 * rounds over the same fact sets and the best round counts: the machine is shared, and a busy spell
 * should not decide the comparison. Each round is timed twice: wall time (performance.now) and the
 * process's CPU time (process.cpuUsage, user + system): on a busy machine wall time also counts the
 * time the process waited for a core, CPU time only what it spent (GC threads included).
 *
 * json-rules-engine only decides which branch each condition takes; jixiao also validates the facts,
 * computes every score with its trace, the totals and the grade — so the ratio understates jixiao's lead.
 * Environment: BENCH_SHEETS (default 10000), BENCH_ROUNDS (default 3), BENCH_SCHEME (default the 2021
 * Shenzhen scheme).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { compile, evaluate, formatIssue, type Scheme } from '../src/index.ts';
import { generateCases } from './facts-gen.ts';
import { buildEngine } from './jre.ts';

const SHEETS = Number(process.env.BENCH_SHEETS ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const WARMUP = Math.min(1_000, SHEETS);
const schemePath = process.env.BENCH_SCHEME ?? fileURLToPath(new URL('../../../schemes/shenzhen-department/2021.json', import.meta.url));

/** Times fn: wall and CPU milliseconds. */
async function timed(fn: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  const c = process.cpuUsage(cpu);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

const mb = () => `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`;
const us = (ms: number) => (ms * 1000) / SHEETS;
const rounds = (times: number[]) => times.map((ms) => us(ms).toFixed(1)).join(' / ');

async function main() {
  const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as Scheme;
  console.log(`方案 scheme: ${scheme.title} ${scheme.year} (${schemePath})`);
  const cases = generateCases(scheme, SHEETS);
  console.log(`生成事实 generated fact sets: ${cases.length}; ${ROUNDS} rounds each, the best counts (this machine is shared); heap used ${mb()}`);

  // jixiao: compile once, evaluate per sheet
  const t = performance.now();
  const c = compile(scheme);
  const compileMs = performance.now() - t;
  if (!c.ok) {
    console.error(c.issues.map(formatIssue).join('\n'));
    process.exit(1);
  }
  const compiled = c.compiled;
  for (let i = 0; i < WARMUP; i++) evaluate(compiled, cases[i]!);
  let failed = 0;
  let firstFailure = '';
  const runJixiao = () =>
    timed(() => {
      failed = 0;
      for (const k of cases) {
        const r = evaluate(compiled, k);
        if (!r.ok) {
          failed++;
          firstFailure ||= r.issues.map(formatIssue).join('\n');
        }
      }
    });

  // json-rules-engine: the scheme's conditions as rules, engine.run per sheet — as the stack would be
  // without jixiao (decimal.js operators, mathjs BigNumber metrics), and with jixiao's numbers
  const engines = (['jixiao', 'decimal.js'] as const).map((numbers) => {
    const start = performance.now();
    const built = buildEngine(scheme, numbers);
    return { numbers, ...built, buildMs: performance.now() - start, events: 0 };
  });
  for (const e of engines) for (let i = 0; i < WARMUP; i++) await e.engine.run(cases[i]!.facts);
  const runJre = (e: (typeof engines)[number]) =>
    timed(async () => {
      let events = 0;
      for (const k of cases) events += (await e.engine.run(k.facts)).events.length;
      e.events = events;
    });

  // rounds interleaved, so a busy spell on the machine hits every contestant alike
  const times = { jixiao: [] as number[], jreJixiao: [] as number[], jre: [] as number[] };
  const cpu = { jixiao: [] as number[], jreJixiao: [] as number[], jre: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, t] of [
      ['jixiao', await runJixiao()],
      ['jreJixiao', await runJre(engines[0]!)],
      ['jre', await runJre(engines[1]!)],
    ] as const) {
      times[k].push(t.ms);
      cpu[k].push(t.cpuMs);
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  const jixiaoMs = best(times.jixiao);
  console.log(`jixiao: compile ${compileMs.toFixed(1)} ms; ${SHEETS} sheets in ${jixiaoMs.toFixed(1)} ms = ${us(jixiaoMs).toFixed(1)} µs/sheet (rounds: ${rounds(times.jixiao)}); CPU time ${us(best(cpu.jixiao)).toFixed(1)} µs/sheet (rounds: ${rounds(cpu.jixiao)}); heap used ${mb()}`);
  if (failed) console.log(`  ${failed} sheets with issues, e.g.\n${firstFailure}`);
  for (const [e, ts, cs] of [
    [engines[0]!, times.jreJixiao, cpu.jreJixiao],
    [engines[1]!, times.jre, cpu.jre],
  ] as const) {
    const what = e.numbers === 'decimal.js' ? 'decimal.js operators, mathjs BigNumber metrics' : "jixiao's numbers and compiled formulas";
    console.log(
      `json-rules-engine (${what}): ${e.ruleCount} rules, build ${e.buildMs.toFixed(1)} ms; ${SHEETS} runs in ${best(ts).toFixed(1)} ms = ${us(best(ts)).toFixed(1)} µs/sheet (rounds: ${rounds(ts)}; CPU time ${us(best(cs)).toFixed(1)} µs/sheet; ${(e.events / SHEETS).toFixed(1)} branch events/sheet)`,
    );
  }
  console.log(`  (with jixiao's numbers json-rules-engine takes ${(best(times.jreJixiao) / jixiaoMs).toFixed(2)}× jixiao's time)`);
  console.log(`ratio: ${(best(times.jre) / jixiaoMs).toFixed(2)} (CPU time: ${(best(cpu.jre) / best(cpu.jixiao)).toFixed(2)})`);
  // for bench/run.mjs at the repository root, which prints the table of every target
  console.log(`BENCH_JSON ${JSON.stringify({ jixiaoUs: us(jixiaoMs), jreUs: us(best(times.jre)), jreJixiaoUs: us(best(times.jreJixiao)), ratio: best(times.jre) / jixiaoMs, jixiaoCpuUs: us(best(cpu.jixiao)), jreCpuUs: us(best(cpu.jre)), ratioCpu: best(cpu.jre) / best(cpu.jixiao), failed })}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
