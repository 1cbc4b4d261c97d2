/**
 * Production build of the editor: React + Monaco bundled locally (no CDN), Monaco's editor and
 * JSON workers and the scoring worker emitted as ES module workers. `pnpm build` writes dist/,
 * which the server (packages/server) serves.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
});
