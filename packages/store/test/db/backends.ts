/**
 * The databases the store's tests run against, each test on a database of its own: SQLite in a
 * temporary folder always; PostgreSQL when `JIXIAO_TEST_PG` is a `postgres://` URL of a role that
 * may create databases (`.ci/run` sets it up), on a fresh database dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type DatabaseConfig, type DocumentStore } from '../../src/index.ts';

/** A fresh database and how to remove it. */
export interface TestDatabase {
  config: DatabaseConfig;
  /** The folder a SQLite database lives in (null for PostgreSQL). */
  dir: string | null;
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
}

const sqlite: Backend = {
  name: 'sqlite',
  fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-db-'));
    return Promise.resolve({
      config: { dialect: 'sqlite', file: join(dir, 'jixiao.sqlite') },
      dir,
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    });
  },
};

function postgres(adminUrl: string): Backend {
  return {
    name: 'postgres',
    async fresh() {
      const name = `jixiao_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        config: { dialect: 'postgres', url: url.toString() },
        dir: null,
        async dispose() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

const pgUrl = process.env['JIXIAO_TEST_PG']?.trim();
// CI must not pass by leaving PostgreSQL out: .ci/run starts it and sets JIXIAO_TEST_PG
if (process.env['CI'] === 'true' && !pgUrl) throw new Error('JIXIAO_TEST_PG is not set: .ci/run should have started PostgreSQL (未设置 JIXIAO_TEST_PG)');

/** SQLite, and PostgreSQL when `JIXIAO_TEST_PG` is set. */
export const BACKENDS: Backend[] = pgUrl ? [sqlite, postgres(pgUrl)] : [sqlite];

/** The error a promise rejects with, as the caller's error type `E` (fails the test when it resolves). */
export async function refusal<E extends Error = Error>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error('expected a refusal');
}

/** What `freshStoreEach` gives a test: the store open on its fresh database, and that database. */
export interface FreshStore {
  /** The store, opened on `db` before each test and closed after it. */
  readonly store: DocumentStore;
  /** The test's own database (its config, its SQLite folder). */
  readonly db: TestDatabase;
}

/**
 * Gives every test of the enclosing `describe` a fresh database of `backend` with a store open on it
 * (beforeEach), closed and dropped after the test (afterEach). Read `store` and `db` inside a test or a
 * later hook; afterEach hooks registered after this one run before it (vitest runs them as a stack), so a
 * test file's own clean-up still sees the store open.
 */
export function freshStoreEach(backend: Backend): FreshStore {
  let current: { store: DocumentStore; db: TestDatabase } | null = null;
  beforeEach(async () => {
    const db = await backend.fresh();
    current = { store: await openStore(db.config), db };
  });
  afterEach(async () => {
    const c = current;
    current = null;
    if (!c) return;
    try {
      await c.store.close();
    } finally {
      await c.db.dispose();
    }
  });
  const now = () => {
    if (!current) throw new Error('freshStoreEach: read the store inside a test (only there is it open)');
    return current;
  };
  return {
    get store() {
      return now().store;
    },
    get db() {
      return now().db;
    },
  };
}
