/**
 * Production build of the editor: React + Monaco bundled locally (no CDN), Monaco's editor and
 * JSON workers and the scoring worker emitted as ES module workers. `pnpm build` writes dist/,
 * which the server (packages/server) serves.
 *
 * What the first view loads is kept small: Monaco is a chunk of its own, loaded when the JSON view
 * or a formula editor opens (src/monaco/LazyEditor.tsx); ECharts is loaded by the charts that use
 * it. Every text file of the build is also written compressed (.br and .gz beside it), and the
 * server sends those to a browser that accepts them (packages/server/src/static-files.ts).
 *
 * The workers' first recompute needs only the small conformance check of the JSON Schemas: the engine's
 * error-reporting validators (~1 MB of generated code) are a lazy chunk of the workers (LAZY_SCHEMA_DETAIL).
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing (fonts in TTF and source maps too; images and woff2 are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|ttf|map|txt)$/;

/**
 * Writes `<file>.br` (brotli) and `<file>.gz` (gzip) beside every compressible file of the build
 * larger than 1 KB, once at build time, so the server never compresses on the fly.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'jixiao-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const visit = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) visit(p);
          else if (COMPRESSIBLE.test(name) && statSync(p).size > 1024) {
            const data = readFileSync(p);
            writeFileSync(`${p}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
            writeFileSync(`${p}.gz`, gzipSync(data, { level: 9 }));
          }
        }
      };
      visit(outDir);
    },
  };
}

/**
 * The engine's validate/detail.ts (the error-reporting validators, loaded with the engine) is replaced by
 * validate/detail-lazy.ts, which loads them as a chunk of their own when a document fails the conformance
 * check: the workers call `loadSchemaDetail()` first (src/worker/*.worker.ts); the page itself validates
 * nothing. An alias, not a plugin hook: Vite 8 does not run plugin hooks on worker bundles
 * (vitejs/rolldown-vite#610), aliases it does apply.
 */
const LAZY_SCHEMA_DETAIL = { find: /^\.\/(?:validate\/)?detail\.ts$/, replacement: fileURLToPath(new URL('../engine/src/validate/detail-lazy.ts', import.meta.url)) };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), precompress()],
  resolve: { alias: [LAZY_SCHEMA_DETAIL] },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
});
