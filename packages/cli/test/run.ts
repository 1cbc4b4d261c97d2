/** Test helpers: run the CLI's `main` with captured output, or as a subprocess; temp copies of fixtures. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.ts';

/** The workspace root (where `pnpm jixiao` runs). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const MINI_SCHEME = join(FIXTURES, 'schemes/mini-dept/2024.json');
export const MINI_CASES = join(FIXTURES, 'schemes/mini-dept/cases');
export const ALPHA = join(MINI_CASES, '2024/alpha.json');
export const BETA = join(MINI_CASES, '2024/beta.json');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `jixiao <args>` in-process with captured stdout/stderr (not a terminal). */
export async function jixiao(args: string[], cwd = ROOT): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd });
  return { code, out, err };
}

/** Runs `node --import tsx packages/cli/src/main.ts <args>` as a subprocess. */
export function jixiaoProcess(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A fresh temp folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
}

/** A temp copy of the fixture `schemes/` tree; returns the temp folder that contains `schemes/`. */
export function copyFixtures(): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'schemes'), join(dir, 'schemes'), { recursive: true });
  return dir;
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function writeJson(path: string, doc: unknown): void {
  writeFileSync(path, JSON.stringify(doc, null, 2));
}
