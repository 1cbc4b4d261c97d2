/**
 * Builds the editor (Vite production build into packages/editor/dist) when it is missing or older
 * than its sources (the editor's and the engine's), so `pnpm start` always serves current code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of any file under `paths` (files or folders, recursively). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') visit(join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(visit);
  return newest;
}

/** Where the editor's sources, config and build live, relative to the repository root. */
export function editorPaths(repoRoot: string): { editorDir: string; distDir: string; sources: string[] } {
  const editorDir = join(repoRoot, 'packages', 'editor');
  return {
    editorDir,
    distDir: join(editorDir, 'dist'),
    sources: [
      join(editorDir, 'src'),
      join(editorDir, 'index.html'),
      join(editorDir, 'vite.config.ts'),
      join(repoRoot, 'packages', 'engine', 'src'),
      join(repoRoot, 'packages', 'engine', 'schema'),
    ],
  };
}

/** True when dist/index.html is missing or older than the newest source file. */
export function buildNeeded(repoRoot: string): boolean {
  const { distDir, sources } = editorPaths(repoRoot);
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  return statSync(index).mtimeMs < newestMtime(sources);
}

/** Runs the Vite build of the editor if needed; returns the dist folder. */
export async function ensureEditorBuild(repoRoot: string, log: (msg: string) => void = console.log): Promise<string> {
  const { editorDir, distDir } = editorPaths(repoRoot);
  if (!buildNeeded(repoRoot)) return distDir;
  log('正在构建编辑器（首次启动或源码有更新）… (building the editor)');
  // A production build whatever the caller's NODE_ENV (a test runner sets "test", which would
  // give React's development build).
  process.env['NODE_ENV'] = 'production';
  const { build } = await import('vite');
  await build({ root: editorDir, configFile: join(editorDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  log('编辑器构建完成 (editor built)');
  return distDir;
}
