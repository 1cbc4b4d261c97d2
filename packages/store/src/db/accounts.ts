/**
 * Accounts and login sessions (账号与登录会话), in the same database as the store (tables `users` and
 * `sessions`, migration `0002-users-sessions`). Used when the server listens beyond 127.0.0.1: a
 * bureau's policy staff (政策管理), reviewers (评审) and departments (部门填报) sign in with a local account.
 *
 * - Passwords are hashed with Node's `crypto.scrypt` (a memory-hard KDF, maintained with Node) with a
 *   random 16-byte salt per user; the parameters are stored with the hash
 *   (`scrypt$N=32768,r=8,p=1$<salt>$<hash>`, base64url), so they can be raised later without
 *   invalidating old hashes. Comparison is constant-time (`timingSafeEqual`), and a login for an
 *   unknown user still computes one hash, so timing does not tell which usernames exist.
 * - A session is a random 32-byte token (base64url) given to the browser in a cookie; the database
 *   keeps only its sha256, so a copy of the database does not let anyone sign in. Sessions expire
 *   (`expires_at`, ISO 8601 UTC) and are deleted with their user and when the password changes.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Issue } from '@jixiao/engine';
import { defineMessages } from '@jixiao/engine/catalogue';
import { describeDatabase, openKysely, resolveDatabaseConfig, type OpenOptions } from './connect.ts';
import { migrateToLatest } from './migrations.ts';
import type { StoreLocation } from './store.ts';

/** 政策管理 policy (everything), 评审 reviewer, 部门填报 department (its own department's cases). The API's `Role`. */
export type AccountRole = 'policy' | 'reviewer' | 'department';

/** The Chinese names of the roles. */
export const ACCOUNT_ROLE_ZH: Record<AccountRole, string> = { policy: '政策管理', reviewer: '评审', department: '部门填报' };

/** `users`: one row per local account. */
export interface UsersTable {
  username: string;
  display_name: string;
  role: AccountRole;
  /** 部门填报 only (null otherwise): the department whose cases the account may read and write. */
  department: string | null;
  /** `scrypt$N=…,r=…,p=…$<salt>$<hash>` (base64url). */
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/** `sessions`: one row per signed-in browser. */
export interface SessionsTable {
  /** sha256 (hex) of the session token; the token itself is never stored. */
  token_sha256: string;
  username: string;
  created_at: string;
  /** ISO 8601 UTC; the session is refused from then on. */
  expires_at: string;
}

/** The account tables (Kysely's typing). */
export interface AccountsDatabase {
  users: UsersTable;
  sessions: SessionsTable;
}

/** An account as the application sees it (never its password hash). Same shape as the API's `SessionUser`. */
export interface Account {
  username: string;
  /** 显示名称, as history and audit entries name the author. */
  displayName: string;
  role: AccountRole;
  /** For 部门填报 only. */
  department?: string;
}

/** What `addUser` needs. */
export interface NewAccount extends Account {
  password: string;
}

/** Messages of the account store (Chinese, English beside). */
export const accountMessages = defineMessages({
  'account-exists': {
    zh: (p: { username: string }) => `用户 ${p.username} 已存在`,
    en: (p: { username: string }) => `user ${p.username} already exists`,
  },
  'account-not-found': {
    zh: (p: { username: string }) => `没有用户 ${p.username}`,
    en: (p: { username: string }) => `no such user: ${p.username}`,
  },
  'account-bad-username': {
    zh: (p: { username: string }) => `用户名不合法：${p.username}（只能用文字、数字与 _ . @ -，1 至 100 个字符）`,
    en: (p: { username: string }) => `invalid username: ${p.username} (letters, digits, _ . @ -; 1 to 100 characters)`,
  },
  'account-bad-role': {
    zh: (p: { role: string }) => `角色不合法：${p.role}（可用：政策管理、评审、部门填报，或 policy、reviewer、department）`,
    en: (p: { role: string }) => `invalid role: ${p.role} (policy, reviewer or department)`,
  },
  'account-department-required': {
    zh: (_p: Record<string, never>) => '部门填报账号须指定所属部门（--department 名称，与案例的 department 字段一致）',
    en: (_p: Record<string, never>) => 'a department account needs its department (--department, as the cases\' department field says)',
  },
  'account-department-only': {
    zh: (p: { role: string }) => `只有部门填报账号有所属部门；${p.role}账号不能指定 --department`,
    en: (p: { role: string }) => `only a department account has a department; not a ${p.role} account`,
  },
  'account-weak-password': {
    zh: (p: { min: number }) => `密码太短：至少 ${p.min} 个字符`,
    en: (p: { min: number }) => `password too short: at least ${p.min} characters`,
  },
  'account-long-password': {
    zh: (p: { max: number }) => `密码太长：至多 ${p.max} 个字符`,
    en: (p: { max: number }) => `password too long: at most ${p.max} characters`,
  },
});

/** A refusal of the account store; `message` is Chinese, `messageEn` English. */
export class AccountError extends Error {
  readonly code: string;
  readonly messageEn: string;
  constructor(readonly issue: Issue) {
    super(issue.message);
    this.name = 'AccountError';
    this.code = issue.code;
    this.messageEn = issue.messageEn;
  }
}

/** Fewest characters of a password. */
export const MIN_PASSWORD_LENGTH = 8;
/** Most characters of a password (the login body allows 1000). */
export const MAX_PASSWORD_LENGTH = 1000;
/** How long a login lasts unless the server says otherwise: 12 hours (ms). */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const USERNAME_RE = /^[\p{L}\p{N}_.@-]{1,100}$/u;

/** The role named in Chinese or English (`政策管理`/`policy`, `评审`/`reviewer`, `部门填报`/`department`); null otherwise. */
export function parseRole(text: string): AccountRole | null {
  const t = text.trim();
  for (const [role, zh] of Object.entries(ACCOUNT_ROLE_ZH) as [AccountRole, string][]) {
    if (t === role || t === zh) return role;
  }
  return null;
}

// ---- passwords ----

/** scrypt cost parameters (N: CPU/memory cost, a power of two; r: block size; p: parallelism). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The parameters new hashes get: N=2^15, r=8, p=1 (32 MiB, OWASP's scrypt recommendation). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a password with a fresh random salt: `scrypt$N=…,r=…,p=…$<salt>$<hash>`. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const HASH_RE = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** True when `password` matches `stored` (compared in constant time); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = HASH_RE.exec(stored);
  if (!m) return false;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const expected = Buffer.from(m[5]!, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await scrypt(password, Buffer.from(m[4]!, 'base64url'), params);
  return timingSafeEqual(key, expected);
}

/** The sha256 (hex) under which a session token is stored. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// ---- the store ----

/** A new session: the token for the cookie (shown once, never stored) and when it expires. */
export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Options of the account store. */
export interface AccountStoreOptions {
  /** scrypt parameters for new hashes (tests use cheaper ones); default `DEFAULT_SCRYPT`. */
  scrypt?: ScryptParams;
}

/** Local accounts and their login sessions. Writes throw `AccountError` for what a person got wrong. */
export class AccountStore {
  private dummyHash: Promise<string> | undefined;
  private readonly scrypt: ScryptParams;

  constructor(
    private readonly db: Kysely<AccountsDatabase>,
    /** The database, for people (a file, or a URL without its password). */
    readonly description: string,
    opts: AccountStoreOptions = {},
    private readonly owned = true,
  ) {
    this.scrypt = opts.scrypt ?? DEFAULT_SCRYPT;
  }

  /** Every account, by username. */
  async listUsers(): Promise<Account[]> {
    const rows = await this.db.selectFrom('users').select(['username', 'display_name', 'role', 'department']).orderBy('username').execute();
    return rows.map(accountOf);
  }

  /** One account; null when there is none. */
  async getUser(username: string): Promise<Account | null> {
    const row = await this.db.selectFrom('users').select(['username', 'display_name', 'role', 'department']).where('username', '=', username).executeTakeFirst();
    return row ? accountOf(row) : null;
  }

  /** Creates an account. Refused: a malformed username, an existing one, a department missing or not allowed, a short password. */
  async addUser(a: NewAccount, now = new Date()): Promise<Account> {
    if (!USERNAME_RE.test(a.username)) throw new AccountError(accountMessages.issue('account-bad-username', { username: a.username }));
    if (!(a.role in ACCOUNT_ROLE_ZH)) throw new AccountError(accountMessages.issue('account-bad-role', { role: String(a.role) }));
    const department = a.department?.trim() || undefined;
    if (a.role === 'department' && !department) throw new AccountError(accountMessages.issue('account-department-required', {}));
    if (a.role !== 'department' && department) throw new AccountError(accountMessages.issue('account-department-only', { role: ACCOUNT_ROLE_ZH[a.role] }));
    checkPassword(a.password);
    if (await this.getUser(a.username)) throw new AccountError(accountMessages.issue('account-exists', { username: a.username }));
    const time = now.toISOString();
    const displayName = a.displayName.trim() || a.username;
    try {
      await this.db
        .insertInto('users')
        .values({ username: a.username, display_name: displayName, role: a.role, department: department ?? null, password_hash: await hashPassword(a.password, this.scrypt), created_at: time, updated_at: time })
        .execute();
    } catch (e) {
      // another process created it between the check and the insert (primary key)
      if (await this.getUser(a.username)) throw new AccountError(accountMessages.issue('account-exists', { username: a.username }));
      throw e;
    }
    return { username: a.username, displayName, role: a.role, ...(department ? { department } : {}) };
  }

  /** Removes an account and its sessions. Refused (`account-not-found`) when there is none. */
  async removeUser(username: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('sessions').where('username', '=', username).execute();
      const r = await tx.deleteFrom('users').where('username', '=', username).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw new AccountError(accountMessages.issue('account-not-found', { username }));
    });
  }

  /** Sets a new password and ends every session of the account (signed in elsewhere with the old one). */
  async setPassword(username: string, password: string, now = new Date()): Promise<void> {
    checkPassword(password);
    const hash = await hashPassword(password, this.scrypt);
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('users').set({ password_hash: hash, updated_at: now.toISOString() }).where('username', '=', username).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new AccountError(accountMessages.issue('account-not-found', { username }));
      await tx.deleteFrom('sessions').where('username', '=', username).execute();
    });
  }

  /**
   * The account when `password` is its password; null otherwise (unknown user or wrong password,
   * deliberately not told apart; an unknown user costs one hash too).
   */
  async checkLogin(username: string, password: string): Promise<Account | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!row) {
      this.dummyHash ??= hashPassword('jixiao-no-such-user', this.scrypt);
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    return (await verifyPassword(password, row.password_hash)) ? accountOf(row) : null;
  }

  /** Starts a session for `username` lasting `ttlMs` (default 12 h). Expired sessions are cleared on the way. */
  async createSession(username: string, ttlMs = DEFAULT_SESSION_TTL_MS, now = new Date()): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    await this.db.insertInto('sessions').values({ token_sha256: tokenDigest(token), username, created_at: now.toISOString(), expires_at: expiresAt.toISOString() }).execute();
    return { token, expiresAt };
  }

  /** The account a session token belongs to; null when the token is unknown or expired (an expired one is deleted). */
  async sessionAccount(token: string, now = new Date()): Promise<Account | null> {
    if (!token || token.length > 200) return null;
    const digest = tokenDigest(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.username', 'sessions.username')
      .select(['users.username', 'users.display_name', 'users.role', 'users.department', 'sessions.expires_at'])
      .where('sessions.token_sha256', '=', digest)
      .executeTakeFirst();
    if (!row) return null;
    if (row.expires_at <= now.toISOString()) {
      await this.db.deleteFrom('sessions').where('token_sha256', '=', digest).execute();
      return null;
    }
    return accountOf(row);
  }

  /** Ends a session (signing out); nothing happens for an unknown token. */
  async endSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_sha256', '=', tokenDigest(token)).execute();
  }

  /** Closes the connection (when this store opened it). */
  async close(): Promise<void> {
    if (this.owned) await this.db.destroy();
  }
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AccountError(accountMessages.issue('account-weak-password', { min: MIN_PASSWORD_LENGTH }));
  if ([...password].length > MAX_PASSWORD_LENGTH) throw new AccountError(accountMessages.issue('account-long-password', { max: MAX_PASSWORD_LENGTH }));
}

function accountOf(row: { username: string; display_name: string; role: AccountRole; department: string | null }): Account {
  return { username: row.username, displayName: row.display_name, role: row.role, ...(row.department !== null ? { department: row.department } : {}) };
}

/** Opens the account store on the configured database (creating and migrating it when needed). */
export async function openAccounts(location: StoreLocation = {}, opts: OpenOptions & AccountStoreOptions = {}): Promise<AccountStore> {
  const config = 'dialect' in location ? location : resolveDatabaseConfig(location);
  const { db, dialect } = openKysely(config, opts);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, dialect);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new AccountStore(db as unknown as Kysely<AccountsDatabase>, describeDatabase(config), opts);
}

/** An account store on a database someone else opened and migrated (it is not closed by `close`). */
export function accountsOn(db: Kysely<unknown>, description: string, opts: AccountStoreOptions = {}): AccountStore {
  return new AccountStore(db as unknown as Kysely<AccountsDatabase>, description, opts, false);
}
