// `pnpm bench`: every row of the speed table (issue 13) measured in one run, each against its baseline
// measured in the same run — interleaved rounds, so a busy spell on this shared machine hits both
// alike — and printed with its target:
//
//   cold starts (`pnpm jixiao score`, `batch` of the 57 projects, `pnpm start` to listening): seconds, and
//     as a ratio to `node -e 0` in the same rounds; baseline: tsx running the TypeScript sources (before);
//   page load → official table usable (Chromium): precompressed against the same files uncompressed;
//   the editor's first view (raw and brotli bytes) against all the page's JS; Monaco, ECharts, whole mathjs;
//   first recompute in a fresh worker: precompiled validators against ajv compiling the schemas then;
//   a kept score sheet (bytes) against the same sheet as plain JSON data; 100,000 kept sheets (heap);
//   `evaluate` per department sheet against json-rules-engine (packages/engine/bench/bench.ts).
//
// Environment: BENCH_ROUNDS (default 5 for cold starts, 3 elsewhere), BENCH_SKIP (comma list of
// cold,page,web,worker,memory,evaluate), BENCH_SHEETS (evaluate, default 10000), BENCH_KEPT (default 100000).
// No test asserts a time; this prints figures.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { coldRows, median } from './cold.mjs';
import { editorSizes, firstRecompute, pageLoad } from './web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const rounds = Number(process.env.BENCH_ROUNDS ?? 0);
const KEPT = Number(process.env.BENCH_KEPT ?? 100_000);
const scheme = join(root, 'schemes/shenzhen-department/2021.json');

/** Rows of the final table: what, measured, baseline in the same run, target, met. */
const table = [];
const row = (what, measured, baseline, target, met) => {
  table.push({ what, measured, baseline, target, met });
  console.log(`  ${met === undefined ? '·' : met ? '✓' : '✗'} ${what}: ${measured}  | baseline: ${baseline}  | target: ${target}`);
};
const s = (x) => `${x.toFixed(2)} s`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(2)} MB`;

/** Bundles a bench entry (TypeScript) for plain node, as a production build would run it. */
async function bundle(entry, name) {
  const outfile = join(root, `.jixiao-tmp/${name}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
    // the bundle resolves paths (schemes/) as if it ran from its source folder
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, entry)).href) },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Runs a bundled bench in its own node process; returns its stdout (printed as it is when `echo`). */
function runNode(args, echo) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status})`);
  if (echo) process.stdout.write(r.stdout.split('\n').filter((l) => !l.startsWith('BENCH_JSON')).join('\n'));
  return r.stdout;
}

console.log(`jixiao bench — ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);

if (!skip.has('cold')) {
  const n = rounds || 5;
  console.log(`\n## Cold starts (${n} interleaved rounds, median; ratio to node -e 0 of the same rounds)`);
  const r = await coldRows(root, n);
  const show = (name, times, target, what) => {
    const base = median(times['node -e 0']);
    const line = (k) => `${s(median(times[k]))} (${(median(times[k]) / base).toFixed(1)}× node -e 0)`;
    for (const k of Object.keys(times)) console.log(`    ${k.padEnd(42)} ${line(k)}   rounds ${times[k].map((x) => x.toFixed(2)).join(' ')}`);
    const built = Object.keys(times).find((k) => k.startsWith('node packages'));
    const viaPnpm = Object.keys(times).find((k) => k.startsWith('pnpm'));
    const before = Object.keys(times).find((k) => k.startsWith('before'));
    row(`${what}, node on the launcher`, line(built), `${before.replace('before: ', '')} ${line(before)}`, `≤ ${target} s`, median(times[built]) <= target);
    row(`${what}, as typed (${viaPnpm})`, line(viaPnpm), `node -e 0 ${s(base)}`, `≤ ${target} s`, median(times[viaPnpm]) <= target);
  };
  show('score', r.score, 0.5, '`pnpm jixiao score` (one department)');
  show('batch', r.batch, 0.6, '`pnpm jixiao batch` of the 57 projects');
  show('server', r.server, 1, '`pnpm start` to listening (no rebuild)');
}

if (!skip.has('page')) {
  const n = rounds || 3;
  console.log(`\n## Page load → official table usable (Chromium, ${n} interleaved rounds, median)`);
  const r = await pageLoad(root, n);
  if (!r) console.log('    (no Chromium at /usr/bin/chromium or CHROMIUM_PATH: skipped)');
  else row('page load → official table with the case total', s(median(r.compressed)), `same files uncompressed ${s(median(r.identity))}`, '≤ 1 s', median(r.compressed) <= 1);
}

if (!skip.has('web')) {
  console.log('\n## Editor build (packages/editor/dist)');
  const e = editorSizes(root);
  console.log(`    first view: ${e.firstViewFiles.join(', ')}; workers: ${Object.entries(e.workers).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
  row("editor's first view JS", `${mb(e.firstViewRaw)} raw, ${kb(e.firstViewBrotli)} brotli`, `all the page's JS ${mb(e.allPageRaw)}`, '≤ 1.5 MB raw, served compressed', e.firstViewRaw <= 1.5 * 1024 * 1024 && e.precompressed);
  row('Monaco / ECharts in the first view', `${e.monacoInFirstView ? 'Monaco' : 'no Monaco'}, ${e.echartsInFirstView ? 'ECharts' : 'no ECharts'}`, '—', 'Monaco only when the JSON view opens', !e.monacoInFirstView);
  row('whole mathjs in the first view or a worker', e.wholeMathjsIn.length ? e.wholeMathjsIn.join(', ') : 'in none (parse pieces only)', '—', 'parse pieces only', e.wholeMathjsIn.length === 0);
  row('every text file precompressed (.br, .gz)', e.precompressed ? 'yes' : 'no', '—', 'yes', e.precompressed);
}

if (!skip.has('worker')) {
  const n = rounds || 3;
  console.log(`\n## First recompute in a fresh worker thread (${n} interleaved rounds, median; inside the worker / from new Worker)`);
  const r = await firstRecompute(root, n);
  const m = (xs, k) => median(xs.map((x) => x[k]));
  row(
    'first recompute in a fresh worker',
    `${m(r.precompiled, 'inside').toFixed(0)} ms (${m(r.precompiled, 'fromNew').toFixed(0)} ms from new Worker)`,
    `ajv compiling the schemas first ${m(r.baseline, 'inside').toFixed(0)} ms (${(m(r.baseline, 'inside') / m(r.precompiled, 'inside')).toFixed(1)}×)`,
    '≤ 50 ms',
    m(r.precompiled, 'inside') <= 50,
  );
}

if (!skip.has('memory')) {
  console.log('\n## Kept score sheets (heap after full GC, node --expose-gc)');
  const file = await bundle('packages/engine/bench/memory-run.ts', 'bench-memory');
  const small = JSON.parse(runNode(['--expose-gc', file, scheme, '20000'], false).trim().split('\n').pop());
  row('a kept score sheet', kb(small.bytesPerSheet), `the same sheet as plain JSON data ${kb(small.plainBytesPerSheet)}`, '≤ 8 KB', small.bytesPerSheet <= 8 * 1024);
  const big = JSON.parse(runNode(['--expose-gc', '--max-old-space-size=4096', file, scheme, String(KEPT)], false).trim().split('\n').pop());
  row(
    `${KEPT.toLocaleString('en')} kept sheets in a batch`,
    `heap ${mb(big.heapUsed)}, ${big.usPerSheet.toFixed(1)} µs/sheet while keeping`,
    `${(small.usPerSheet).toFixed(1)} µs/sheet keeping 20,000`,
    'under 1 GB',
    big.heapUsed < 1024 ** 3,
  );
}

if (!skip.has('evaluate')) {
  console.log('\n## evaluate per department sheet (packages/engine/bench/bench.ts)');
  const file = await bundle('packages/engine/bench/bench.ts', 'bench');
  const out = runNode([file], true);
  const j = JSON.parse(out.split('\n').find((l) => l.startsWith('BENCH_JSON')).slice('BENCH_JSON '.length));
  // wall time as before, and the CPU time of the same rounds (what a busy machine's waiting does not inflate)
  row(
    '`evaluate` per department sheet',
    `${j.jixiaoUs.toFixed(1)} µs; CPU time ${j.jixiaoCpuUs.toFixed(1)} µs`,
    `json-rules-engine ${j.jreUs.toFixed(1)} µs, ratio ${j.ratio.toFixed(1)}; CPU time ${j.jreCpuUs.toFixed(1)} µs, ratio ${j.ratioCpu.toFixed(1)}`,
    '≤ 12 µs, ratio ≥ 20',
    j.jixiaoUs <= 12 && j.ratio >= 20,
  );
}

console.log('\n## Summary\n');
console.log('| what | measured | baseline (same run) | target | met |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of table) console.log(`| ${r.what} | ${r.measured} | ${r.baseline} | ${r.target} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`);
