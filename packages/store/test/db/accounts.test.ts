/**
 * Accounts and login sessions (issue 12, item 4), the same suite on SQLite and (when `JIXIAO_TEST_PG`
 * is set) PostgreSQL: passwords stored only as salted scrypt hashes and checked, the rules of an
 * account (a department account names its department, nobody else does), sessions stored only as a
 * digest, expiring, ended by signing out, by a new password and by removing the account.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountError, hashPassword, openAccounts, parseRole, tokenDigest, verifyPassword, type AccountStore } from '../../src/index.ts';
import { openKysely } from '../../src/db/connect.ts';
import { BACKENDS, type TestDatabase } from './backends.ts';

/** Cheap scrypt parameters for tests (the real default is N=2^15). */
const CHEAP = { N: 1024, r: 8, p: 1 };

async function refusal(p: Promise<unknown>): Promise<AccountError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AccountError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('password hashes', () => {
  it('are salted scrypt with their parameters, and verify only the right password', async () => {
    const a = await hashPassword('correct horse', CHEAP);
    const b = await hashPassword('correct horse', CHEAP);
    expect(a).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b); // a fresh salt each time
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse!', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plain text')).toBe(false);
  });

  it('reads role names in Chinese and English', () => {
    expect(parseRole('政策管理')).toBe('policy');
    expect(parseRole('reviewer')).toBe('reviewer');
    expect(parseRole('部门填报')).toBe('department');
    expect(parseRole('admin')).toBeNull();
  });
});

describe.each(BACKENDS)('accounts on $name', (backend) => {
  let t: TestDatabase;
  let accounts: AccountStore;

  beforeEach(async () => {
    t = await backend.fresh();
    accounts = await openAccounts(t.config, { scrypt: CHEAP });
  });
  afterEach(async () => {
    await accounts.close();
    await t.dispose();
  });

  /** Reads a table directly, as someone with a copy of the database would. */
  async function raw<T>(f: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
    const { db } = openKysely(t.config);
    try {
      return await f(db as unknown as Kysely<unknown>);
    } finally {
      await db.destroy();
    }
  }

  it('adds, lists and removes accounts; stores no password in clear', async () => {
    await accounts.addUser({ username: 'zhang', displayName: '张三', role: 'policy', password: 'p0licy-pass' });
    await accounts.addUser({ username: 'commerce', displayName: '商务局填报员', role: 'department', department: '深圳市商务局', password: 'dept-pass-1' });
    await accounts.addUser({ username: 'li', displayName: '', role: 'reviewer', password: 'review-pass' });
    expect(await accounts.listUsers()).toEqual([
      { username: 'commerce', displayName: '商务局填报员', role: 'department', department: '深圳市商务局' },
      { username: 'li', displayName: 'li', role: 'reviewer' },
      { username: 'zhang', displayName: '张三', role: 'policy' },
    ]);
    const hashes = await raw((db) => sql<{ password_hash: string }>`SELECT password_hash FROM users`.execute(db));
    expect(hashes.rows).toHaveLength(3);
    for (const r of hashes.rows) expect(r.password_hash).toMatch(/^scrypt\$/);
    expect(hashes.rows.some((r) => r.password_hash.includes('pass'))).toBe(false);

    await accounts.removeUser('li');
    expect((await accounts.listUsers()).map((u) => u.username)).toEqual(['commerce', 'zhang']);
    expect((await refusal(accounts.removeUser('li'))).code).toBe('account-not-found');
  });

  it('refuses a duplicate, a bad username, a missing or stray department, and a short password — in Chinese', async () => {
    await accounts.addUser({ username: 'zhang', displayName: '张三', role: 'policy', password: 'p0licy-pass' });
    const dup = await refusal(accounts.addUser({ username: 'zhang', displayName: 'x', role: 'reviewer', password: 'another-pass' }));
    expect(dup.code).toBe('account-exists');
    expect(dup.message).toBe('用户 zhang 已存在');
    expect((await refusal(accounts.addUser({ username: 'a b', displayName: '', role: 'policy', password: 'long-enough' }))).code).toBe('account-bad-username');
    expect((await refusal(accounts.addUser({ username: 'd', displayName: '', role: 'department', password: 'long-enough' }))).code).toBe('account-department-required');
    expect((await refusal(accounts.addUser({ username: 'r', displayName: '', role: 'reviewer', department: '商务局', password: 'long-enough' }))).code).toBe('account-department-only');
    const weak = await refusal(accounts.addUser({ username: 'w', displayName: '', role: 'policy', password: '1234567' }));
    expect(weak.code).toBe('account-weak-password');
    expect(weak.message).toContain('至少 8 个字符');
    expect((await accounts.listUsers()).map((u) => u.username)).toEqual(['zhang']);
  });

  it('checks a login: the right password gives the account, a wrong one or an unknown user nothing', async () => {
    await accounts.addUser({ username: 'zhang', displayName: '张三', role: 'policy', password: 'p0licy-pass' });
    expect(await accounts.checkLogin('zhang', 'p0licy-pass')).toEqual({ username: 'zhang', displayName: '张三', role: 'policy' });
    expect(await accounts.checkLogin('zhang', 'P0licy-pass')).toBeNull();
    expect(await accounts.checkLogin('nobody', 'p0licy-pass')).toBeNull();
  });

  it('keeps sessions as digests, until they expire or the user signs out', async () => {
    await accounts.addUser({ username: 'li', displayName: '李四', role: 'reviewer', password: 'review-pass' });
    const t0 = new Date(Date.UTC(2025, 2, 1, 8, 0));
    const s = await accounts.createSession('li', 60 * 60 * 1000, t0);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(s.expiresAt.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    const stored = await raw((db) => sql<{ token_sha256: string }>`SELECT token_sha256 FROM sessions`.execute(db));
    expect(stored.rows.map((r) => r.token_sha256)).toEqual([tokenDigest(s.token)]);

    expect(await accounts.sessionAccount(s.token, new Date(Date.UTC(2025, 2, 1, 8, 59)))).toMatchObject({ username: 'li', role: 'reviewer' });
    expect(await accounts.sessionAccount(s.token, new Date(Date.UTC(2025, 2, 1, 9, 0)))).toBeNull(); // expired at 09:00
    expect(await accounts.sessionAccount(s.token, t0)).toBeNull(); // and deleted
    expect(await accounts.sessionAccount('not-a-token')).toBeNull();

    const s2 = await accounts.createSession('li');
    expect(await accounts.sessionAccount(s2.token)).not.toBeNull();
    await accounts.endSession(s2.token);
    expect(await accounts.sessionAccount(s2.token)).toBeNull();
  });

  it('ends the sessions of an account whose password changes or which is removed', async () => {
    await accounts.addUser({ username: 'li', displayName: '李四', role: 'reviewer', password: 'review-pass' });
    const s = await accounts.createSession('li');
    await accounts.setPassword('li', 'new-review-pass');
    expect(await accounts.sessionAccount(s.token)).toBeNull();
    expect(await accounts.checkLogin('li', 'review-pass')).toBeNull();
    expect(await accounts.checkLogin('li', 'new-review-pass')).not.toBeNull();
    const s2 = await accounts.createSession('li');
    await accounts.removeUser('li');
    expect(await accounts.sessionAccount(s2.token)).toBeNull();
    expect((await refusal(accounts.setPassword('li', 'whatever-pass'))).code).toBe('account-not-found');
  });
});
