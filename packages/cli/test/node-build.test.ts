/**
 * The command line runs as JavaScript built once (scripts/node-build.mjs), and the sources stay the single
 * truth: the built program prints what the sources do, and a build older than one of its sources is
 * found stale and rebuilt before it runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStale, buildTarget, ensureBuilt } from '../../../scripts/node-build.mjs';
import { ROOT, jixiaoProcess, tempDir } from './run.ts';

const SCHEME = join(ROOT, 'schemes/shenzhen-department/2021.json');
const CASE = join(ROOT, 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json');

/** Runs the built entry's `main` in a plain node process (no tsx). */
function runBuilt(entry: string, args: string[]) {
  const code = `const { main } = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('the built command line (scripts/node-build.mjs)', () => {
  it('prints what the TypeScript sources print, and is rebuilt when a source is newer', async () => {
    const outdir = tempDir();
    const entry = await buildTarget('cli', { outdir });
    expect(buildStale('cli', { outdir })).toBe(false);

    const args = ['score', '--scheme', SCHEME, '--facts', CASE];
    const built = runBuilt(entry, args);
    const fromSource = jixiaoProcess(args);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    expect(built.out).toBe(fromSource.out);

    // a source newer than the build: the build's record of its inputs is made older than the newest input
    const inputsFile = join(outdir, 'inputs.json');
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as string[];
    expect(inputs).toContain('packages/cli/src/main.ts');
    expect(inputs).toContain('packages/engine/src/evaluate/evaluate.ts');
    const newest = Math.max(...inputs.map((p) => statSync(join(ROOT, p)).mtimeMs));
    const before = new Date(newest - 60_000);
    utimesSync(inputsFile, before, before);
    expect(buildStale('cli', { outdir })).toBe(true);

    const log: string[] = [];
    await ensureBuilt('cli', { outdir, log: (m) => log.push(m) });
    expect(log.join('\n')).toContain('正在构建');
    expect(buildStale('cli', { outdir })).toBe(false);
    expect(runBuilt(entry, args).out).toBe(fromSource.out);

    // an input that is gone (a source file moved) makes the build stale too
    writeFileSync(inputsFile, JSON.stringify([...inputs, 'packages/cli/src/no-such-file.ts']));
    expect(buildStale('cli', { outdir })).toBe(true);
  }, 180_000);

  it('starts without the Excel and Word libraries: only the commands that read or write those files load them', async () => {
    const entry = await buildTarget('cli', { outdir: tempDir() });
    // the files a start loads: the entry and the chunks it imports statically (import … from "./x.mjs"),
    // not those it imports when a command asks (import("./x.mjs"))
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w${}\s,*]*from\s*)?"(\.\/[^"]+\.mjs)"/g)) visit(join(dirname(file), m[1]!));
    };
    visit(entry);
    expect(loaded.size).toBeGreaterThan(1); // the engine is a chunk of its own: the walk follows imports
    const started = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(started).toContain('function evaluate(');
    // exceljs and docx both write Office Open XML; the engine and the command line never name its schemas
    expect(started).not.toContain('schemas.openxmlformats.org');
    // and they are in the build, in chunks loaded when a command asks for them
    const later = readdirSync(dirname(entry)).filter((f) => f.endsWith('.mjs')).map((f) => join(dirname(entry), f)).filter((f) => !loaded.has(f));
    expect(later.some((f) => readFileSync(f, 'utf8').includes('schemas.openxmlformats.org'))).toBe(true);
  }, 180_000);

  it('`pnpm jixiao` runs the built program through packages/cli/bin/jixiao.mjs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['jixiao']).toBe('node packages/cli/bin/jixiao.mjs');
    expect(pkg.scripts['start']).toBe('node packages/server/bin/start.mjs');
    const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/jixiao.mjs'), 'score', '--scheme', SCHEME, '--facts', CASE], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(jixiaoProcess(['score', '--scheme', SCHEME, '--facts', CASE]).out);
  }, 180_000);
});
