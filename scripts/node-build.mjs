// The command line and the local server as JavaScript built once: esbuild bundles each entry point
// (the TypeScript sources of packages/cli, packages/server and the workspace packages they import,
// and their npm dependencies) into packages/<name>/dist/, so a call starts plain `node` on one file
// instead of tsx compiling some 400 TypeScript files every time (4 s → a few hundred ms).
//
// The sources stay the single truth: `ensureBuilt(name)` (used by packages/cli/bin/jixiao.mjs and
// packages/server/bin/start.mjs) rebuilds when the build is missing, or older than any file it was
// made from (esbuild's list of inputs, kept in dist/inputs.json), the lockfile or this script.
// `pnpm install` builds both once (the root `prepare` script); `pnpm build:node` does it by hand.
//
// 命令行与本地服务构建为 JavaScript（esbuild 打包），源码改动后首次运行自动重新构建。
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What is built: entry point and output folder of each program. */
export const TARGETS = {
  cli: { entry: 'packages/cli/src/main.ts', outdir: 'packages/cli/dist', out: 'jixiao.mjs' },
  server: { entry: 'packages/server/src/main.ts', outdir: 'packages/server/dist', out: 'main.mjs' },
};

/**
 * Packages left outside the bundle, imported from node_modules at run time: native add-ons (their
 * .node file is found relative to their own folder), pg (optional native parts), and vite (used only
 * to build the editor, and large).
 */
const EXTERNAL = /^(better-sqlite3|pg|vite)$/;

/** Files whose change makes every build stale, besides each build's own inputs. */
const ALWAYS = ['pnpm-lock.yaml', 'scripts/node-build.mjs'];

function paths(name, options = {}) {
  const t = TARGETS[name];
  if (!t) throw new Error(`unknown build target ${name}`);
  const outdir = options.outdir ?? join(ROOT, t.outdir);
  return { ...t, outdir, outfile: join(outdir, t.out), inputsFile: join(outdir, 'inputs.json') };
}

/**
 * True when the build of `name` is missing or older than one of its inputs.
 * Costs a few milliseconds: one `stat` per source file the bundle was made from.
 * @param options.outdir another output folder than the target's dist/ (tests)
 */
export function buildStale(name, options = {}) {
  const { outfile, inputsFile } = paths(name, options);
  if (!existsSync(outfile) || !existsSync(inputsFile)) return true;
  const built = statSync(inputsFile).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return true;
  }
  for (const rel of [...ALWAYS, ...inputs]) {
    const p = join(ROOT, rel);
    if (!existsSync(p) || statSync(p).mtimeMs > built) return true;
  }
  return false;
}

/** An esbuild plugin: bare imports matching EXTERNAL stay imports, rewritten relative to the output folder. */
function externalFrom(outdir) {
  return {
    name: 'external-relative',
    setup(b) {
      b.onResolve({ filter: EXTERNAL }, async (args) => {
        if (args.pluginData === 'inner') return undefined;
        const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'inner' });
        if (r.errors.length) return { errors: r.errors };
        let p = relative(outdir, r.path).split('\\').join('/');
        if (!p.startsWith('.')) p = `./${p}`;
        return { path: p, external: true };
      });
    },
  };
}

/**
 * An esbuild plugin: `import.meta.url` in a workspace source keeps meaning that source file's own
 * address, so paths computed from it (the repository root, schemes/, data/) are the same built or not.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * Builds `name` (`cli` or `server`) into its dist/ folder; returns the output file.
 * The files are written to a private folder first and renamed into place one by one, the list of
 * inputs last, so processes that start (or build) meanwhile never load a half-written file.
 * @param options.outdir another output folder than the target's dist/ (tests)
 */
export async function buildTarget(name, options = {}) {
  const { entry, outdir, outfile, out } = paths(name, options);
  const { build } = await import('esbuild');
  const scratch = join(outdir, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: { [out.replace(/\.mjs$/, '')]: join(ROOT, entry) },
      outdir: scratch,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true, // a lazily imported module (exceljs for .xlsx, the database) loads only when used
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // the ES module build of a package where it has one (jsonc-parser's CommonJS one loads files by path)
      mainFields: ['module', 'main'],
      minifyWhitespace: true, // less for node to parse at every start (names kept for profiles and stack traces)
      minifySyntax: true,
      sourcemap: 'linked',
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
      plugins: [externalFrom(outdir), ownUrl],
      // CommonJS dependencies inside the ES module bundle call require()
      banner: { js: "import { createRequire as __jixiaoRequire } from 'node:module'; const require = __jixiaoRequire(import.meta.url);" },
    });
    const inputs = Object.keys(result.metafile.inputs)
      .map((p) => relative(ROOT, resolve(ROOT, p)).split('\\').join('/'))
      .filter((p) => !p.includes('node_modules/'));
    writeFileSync(join(scratch, 'inputs.json'), JSON.stringify(inputs, null, 1) + '\n');
    const entryName = out;
    const files = readdirSync(scratch).sort((a, b) => rank(a) - rank(b));
    function rank(f) {
      return f === 'inputs.json' ? 3 : f === entryName ? 2 : f === `${entryName}.map` ? 1 : 0;
    }
    for (const f of files) renameSync(join(scratch, f), join(outdir, f));
    // chunks of earlier builds: kept an hour for a process still running one of them, then removed
    const hourAgo = Date.now() - 3600_000;
    for (const f of readdirSync(outdir)) {
      const p = join(outdir, f);
      if (!files.includes(f) && !f.startsWith('.build-') && /\.mjs(\.map)?$/.test(f) && statSync(p).mtimeMs < hourAgo) rmSync(p, { force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return outfile;
}

/**
 * The built entry point of `name`, built first when missing or stale (with a line on stderr, so
 * output redirected to a file stays clean).
 */
export async function ensureBuilt(name, options = {}) {
  const log = options.log ?? ((msg) => process.stderr.write(msg + '\n'));
  if (!buildStale(name, options)) return paths(name, options).outfile;
  log(`正在构建 ${name}（首次运行或源码有更新）… (building ${name} from its sources)`);
  return buildTarget(name, options);
}

// `node scripts/node-build.mjs [cli|server …]`: build now (all targets when none is named)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TARGETS);
  for (const n of names) {
    const t = Date.now();
    const file = await buildTarget(n);
    console.log(`已构建 ${relative(ROOT, file)}（${Date.now() - t} ms） (built ${n})`);
  }
}
