/**
 * Test helpers: a temporary copy of the repository's schemes/ and an app over it (real engine), on a
 * fresh SQLite database beside the copy (`<tmp>/data/jixiao.sqlite`, filled from the copy on start).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import * as engine from '@jixiao/engine';
import type { DocumentRef, DocumentStore } from '@jixiao/store';
import { buildApp, type StartReport } from '../src/app.ts';
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

/** The SQLite file of the app over `schemesDir`: `<folder beside it>/data/jixiao.sqlite`. */
export const databaseOf = (schemesDir: string) => join(dirname(schemesDir), 'data', 'jixiao.sqlite');

/** An app over a fresh (or the existing) database beside `schemesDir`, filled from it when empty. */
export function app(schemesDir: string, extra: { staticDir?: string; bodyLimit?: number; database?: string } = {}): Promise<FastifyInstance & { jixiao: StartReport }> {
  return buildApp({ schemesDir, database: databaseOf(schemesDir), engine: realEngine, ...extra });
}

/** The store behind an app built by `app`. */
export const storeOf = (srv: FastifyInstance): DocumentStore => (srv as FastifyInstance & { jixiao: StartReport }).jixiao.store;

/** A document named by its path in the schemes layout: `family/2024.json`, `family/cases/2024/id.json`. */
export function refOf(rel: string): DocumentRef {
  const parts = rel.replace(/\.json$/, '').split('/');
  if (parts.length === 2) return { kind: 'scheme', family: parts[0]!, year: Number(parts[1]) };
  return { kind: 'case', family: parts[0]!, year: Number(parts[2]), caseId: parts[3]! };
}

/** The stored text of a document (what a save wrote), by its path in the schemes layout. */
export async function storedText(srv: FastifyInstance, rel: string): Promise<string> {
  const d = await storeOf(srv).read(refOf(rel));
  if (!d) throw new Error(`not stored: ${rel}`);
  return d.text;
}

/** The stored document, parsed. */
export async function storedJson(srv: FastifyInstance, rel: string): Promise<Record<string, unknown>> {
  return JSON.parse(await storedText(srv, rel)) as Record<string, unknown>;
}

/** Headers of a same-origin request from the editor. */
export const local = { host: '127.0.0.1:5178' };

/**
 * A fresh copy of the bundled schemes and a server on it for every test of the calling file, closed and
 * removed after each: `const t = serverPerTest(); … t.srv.inject(…); t.fx.schemes`. `t.reload()` starts
 * the server again on a new database filled from the (edited) files — a first start.
 */
export function serverPerTest(): { readonly fx: Fixture; readonly srv: FastifyInstance; reload: () => Promise<void> } {
  const state = {} as { fx: Fixture; srv: FastifyInstance; reload: () => Promise<void> };
  state.reload = async () => {
    await state.srv.close();
    rmSync(dirname(databaseOf(state.fx.schemes)), { recursive: true, force: true });
    state.srv = await app(state.fx.schemes);
  };
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
