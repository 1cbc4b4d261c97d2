/** Test helpers: a temporary copy of the repository's schemes/ and an app over it (real engine). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import * as engine from '@jixiao/engine';
import { buildApp } from '../src/app.ts';
import type { EnginePort } from '../src/engine-port.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

export interface Fixture {
  root: string;
  schemes: string;
  cleanup: () => void;
  read: (rel: string) => string;
  readJson: (rel: string) => Record<string, unknown>;
  write: (rel: string, value: unknown) => void;
}

/** Copies the repository's shipped schemes/ files to a temp folder (the committed files are never touched). */
export function fixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-server-'));
  const schemes = join(root, 'schemes');
  copyBundledSchemes(schemes);
  const read = (rel: string) => readFileSync(join(schemes, rel), 'utf8');
  return {
    root,
    schemes,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
    read,
    readJson: (rel) => JSON.parse(read(rel)) as Record<string, unknown>,
    write: (rel, value) => writeFileSync(join(schemes, rel), JSON.stringify(value, null, 2) + '\n'),
  };
}

export const realEngine = engine as unknown as EnginePort;

export function app(schemesDir: string, extra: { staticDir?: string; bodyLimit?: number } = {}) {
  return buildApp({ schemesDir, engine: realEngine, ...extra });
}

/** Headers of a same-origin request from the editor. */
export const local = { host: '127.0.0.1:5178' };

/**
 * A fresh copy of the bundled schemes and a server on it for every test of the calling file, closed and
 * removed after each: `const t = serverPerTest(); … t.srv.inject(…); t.fx.schemes`.
 */
export function serverPerTest(): { readonly fx: Fixture; readonly srv: FastifyInstance } {
  const state = {} as { fx: Fixture; srv: FastifyInstance };
  beforeEach(async () => {
    state.fx = fixture();
    state.srv = await app(state.fx.schemes);
  });
  afterEach(async () => {
    await state.srv.close();
    state.fx.cleanup();
  });
  return state;
}
