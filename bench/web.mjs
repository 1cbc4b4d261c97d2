// Editor rows of `pnpm bench`: what the first view loads (from dist/index.html: its script and the
// chunks it imports statically), that Monaco and ECharts are left to lazy chunks and that no chunk the
// page or a worker loads carries the whole of mathjs; the first recompute in a fresh worker; and page
// load to a usable official table in Chromium.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';

/** A function name mathjs registers only in its full build (typed functions keep their names when minified). */
const WHOLE_MATHJS_MARKERS = ['lusolve', 'derivative', 'simplifyConstant'];

/** Strings found only in Monaco's and in ECharts' own code (not in a lazy import's file name). */
const MONACO_MARKER = 'registerEditorContribution';
const ECHARTS_MARKER = 'registerPreprocessor';

/** Builds the editor when dist/ is missing (`pnpm build`). */
function ensureEditorBuild(root) {
  if (existsSync(join(root, 'packages/editor/dist/index.html'))) return;
  const r = spawnSync(process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm', ['-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('pnpm build failed');
}

/** The chunks a JS file imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g)) out.add(m[1]);
  return [...out];
}

/** Sizes of the editor build: the first view, the lazy chunks, the workers. */
export function editorSizes(root) {
  ensureEditorBuild(root);
  const dist = join(root, 'packages/editor/dist');
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const first = new Set();
  const visit = (f) => {
    if (first.has(f)) return;
    first.add(f);
    for (const g of staticImports(readFileSync(join(assets, f), 'utf8'))) visit(g);
  };
  entry.forEach(visit);
  const size = (f) => statSync(join(assets, f)).size;
  // a file under 1 KB is sent as it is
  const br = (f) => (existsSync(join(assets, `${f}.br`)) ? statSync(join(assets, `${f}.br`)).size : size(f));
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const workers = js.filter((f) => /worker/.test(f));
  // chunks a worker imports (its lazy error-reporting validators) are the worker's, not the page's
  const workerChunks = new Set(workers.flatMap((w) => [...readFileSync(join(assets, w), 'utf8').matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1])));
  const page = js.filter((f) => !workers.includes(f) && !workerChunks.has(f));
  const sum = (fs, by) => fs.reduce((s, f) => s + by(f), 0);
  const firstList = [...first];
  const mathjsIn = (f) => WHOLE_MATHJS_MARKERS.some((m) => readFileSync(join(assets, f), 'utf8').includes(m));
  return {
    firstViewFiles: firstList,
    firstViewRaw: sum(firstList, size),
    firstViewBrotli: sum(firstList, br),
    allPageRaw: sum(page, size),
    monacoInFirstView: firstList.some((f) => readFileSync(join(assets, f), 'utf8').includes(MONACO_MARKER)),
    echartsInFirstView: firstList.some((f) => readFileSync(join(assets, f), 'utf8').includes(ECHARTS_MARKER)),
    wholeMathjsIn: [...firstList, ...workers].filter(mathjsIn),
    workers: Object.fromEntries(workers.map((f) => [f.replace(/-[\w-]+\.js$/, ''), size(f)])),
    workerLazyChunks: Object.fromEntries([...workerChunks].map((f) => [f, size(f)])),
    precompressed: js.every((f) => size(f) <= 1024 || existsSync(join(assets, `${f}.br`)) && existsSync(join(assets, `${f}.gz`))),
  };
}

/** An esbuild plugin: worker-baseline.ts replaced by a stub (the shipped worker has no ajv compiler). */
const noBaseline = {
  name: 'no-baseline',
  setup(b) {
    b.onResolve({ filter: /worker-baseline\.ts$/ }, () => ({ path: 'stub', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export function baselineSchemaCompile() {}', loader: 'js' }));
  },
};

/**
 * An esbuild plugin: the engine's validate/detail.ts replaced by validate/detail-lazy.ts, as in the editor's
 * workers (packages/editor/vite.config.ts): the error-reporting validators become a chunk of their own that
 * a valid scheme never loads.
 */
const lazySchemaDetail = (root) => ({
  name: 'lazy-schema-detail',
  setup(b) {
    b.onResolve({ filter: /^\.\/(validate\/)?detail\.ts$/ }, () => ({ path: join(root, 'packages/engine/src/validate/detail-lazy.ts') }));
  },
});

/**
 * First recompute in a fresh worker thread: ms from `new Worker` to the scored sheet (and from the
 * worker's first line), the engine bundled as the editor's worker is (the error-reporting validators in a
 * chunk it does not load); interleaved with the baseline that compiles the JSON Schemas with ajv at run
 * time first, as the engine did before.
 */
export async function firstRecompute(root, rounds) {
  // two bundles: the worker as shipped (no ajv compiler in it), and the baseline with ajv's compiler
  const bundle = async (name, baseline) => {
    const outdir = join(root, `.jixiao-tmp/${name}`);
    await build({
      entryPoints: [join(root, 'packages/engine/bench/worker-first.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      minify: true,
      splitting: true,
      outdir,
      logLevel: 'warning',
      // the shipped worker has no baseline: its module is replaced by a stub, so ajv's compiler is not bundled
      plugins: baseline ? [] : [noBaseline, lazySchemaDetail(root)],
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
    return join(outdir, 'worker-first.js');
  };
  const files = { precompiled: await bundle('bench-worker', false), baseline: await bundle('bench-worker-baseline', true) };
  const scheme = JSON.parse(readFileSync(join(root, 'schemes/shenzhen-department/2021.json'), 'utf8'));
  const facts = JSON.parse(readFileSync(join(root, 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json'), 'utf8'));
  const once = (baseline) =>
    new Promise((resolve, reject) => {
      const t = performance.now();
      const w = new Worker(baseline ? files.baseline : files.precompiled, { workerData: { scheme, facts, baseline } });
      w.once('message', (m) => {
        const total = performance.now() - t;
        void w.terminate();
        if (m.error) reject(new Error(m.error));
        else resolve({ fromNew: total, inside: m.ms });
      });
      w.once('error', reject);
    });
  const out = { precompiled: [], baseline: [] };
  for (let r = 0; r < rounds; r++) {
    out.precompiled.push(await once(false));
    out.baseline.push(await once(true));
  }
  return out;
}

/**
 * Page load → official table usable, in Chromium: from navigation to the scheme page until the case
 * total is computed (the worker's first recompute included). Interleaved: files sent precompressed
 * (the browser accepts br/gzip) and the same files sent uncompressed (Accept-Encoding: identity).
 */
export async function pageLoad(root, rounds) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return null;
  ensureEditorBuild(root);
  const { chromium } = await import('playwright-core');
  const server = spawn(process.execPath, ['packages/server/bin/start.mjs', '--port', '0', '--no-open', '--no-build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const on = (b) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    };
    server.stdout.on('data', on);
    server.stderr.on('data', on);
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const once = async (compressed) => {
      // a new context each time: an empty cache, as a first visit
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN', extraHTTPHeaders: compressed ? {} : { 'accept-encoding': 'identity' } });
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(`${url}#/scheme/shenzhen-department/2021`);
      await page.getByTestId('case-total').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('.total-box.pending'), null, { timeout: 60_000 });
      const s = (performance.now() - t) / 1000;
      await context.close();
      return s;
    };
    await once(true); // the server's first requests (files opened, schemes read) are not a user's
    const out = { compressed: [], identity: [] };
    for (let r = 0; r < rounds; r++) {
      out.compressed.push(await once(true));
      out.identity.push(await once(false));
    }
    return out;
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
