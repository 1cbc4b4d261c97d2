// `pnpm bench`: bundles the benchmark with esbuild (as a production build would, without the
// function-name wrappers tsx adds to every closure) into .jixiao-tmp/, then runs it with plain node.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outfile = `${root}.jixiao-tmp/bench.mjs`;
await build({
  entryPoints: [fileURLToPath(new URL('./bench.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
  // the bundle resolves paths (schemes/) as if it ran from the source folder
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(fileURLToPath(new URL('./bench.ts', import.meta.url))).href) },
  // mathjs and friends are CommonJS inside; give the bundle a require
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
await import(outfile);
