/**
 * End-to-end harness: a temporary copy of schemes/ (the committed one is never touched), the real
 * server started as `pnpm start` starts it (packages/server/bin/start.mjs: the built server, which builds the editor
 * for production when the build is missing or stale) on a free port, on a SQLite database of its own
 * beside the copy (filled from it on the first start; `storedText` reads what was saved), and Debian's headless
 * Chromium through playwright-core with every console error, page error, Monaco's "Could not
 * create web worker" warning and any request leaving the local server recorded as a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStore, type DocumentRef } from '../../packages/store/src/index.ts';
import { copyBundledSchemes } from '../bundled-schemes.ts';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const shotsDir = join(repoRoot, 'test-results', 'e2e');

/** Copies the repository's shipped schemes/ files into a fresh temporary folder; returns its path. */
export function tempSchemes(): { dir: string; remove: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const dir = join(base, 'schemes');
  copyBundledSchemes(dir);
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** The database of the server over `schemesDir`: `<folder beside it>/data/jixiao.sqlite`. */
export const databaseOf = (schemesDir: string): string => join(dirname(schemesDir), 'data', 'jixiao.sqlite');

/**
 * The saved text of a document in the database of the server over `schemesDir`, named by its path in
 * the schemes layout (`shenzhen-department/2025.json`); null when there is none.
 */
export async function storedText(schemesDir: string, rel: string): Promise<string | null> {
  const parts = rel.replace(/\.json$/, '').split('/');
  const ref: DocumentRef = parts.length === 2 ? { kind: 'scheme', family: parts[0]!, year: Number(parts[1]) } : { kind: 'case', family: parts[0]!, year: Number(parts[2]), caseId: parts[3]! };
  const store = await openStore({ dialect: 'sqlite', file: databaseOf(schemesDir) });
  try {
    return (await store.read(ref))?.text ?? null;
  } finally {
    await store.close();
  }
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Several e2e files may start servers at once; the first start may build the editor into
 * packages/editor/dist, and two builds must not write it together. Starts are therefore taken one
 * at a time across processes: a lock folder (mkdir is atomic) held until the server prints its
 * address. A lock older than the start timeout is left over from a crash and is removed.
 */
const startLock = join(repoRoot, 'test-results', '.e2e-server-start.lock');

async function withStartLock<T>(timeoutMs: number, task: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(startLock), { recursive: true });
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(startLock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(startLock).mtimeMs > timeoutMs) rmSync(startLock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > until) throw new Error('another e2e server start holds the lock for too long', { cause: e });
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(startLock, { recursive: true, force: true });
  }
}

/**
 * Starts the real server on a free port over `schemesDir` (with `env` added to its environment,
 * e.g. JIXIAO_AUTHOR); resolves once it prints its address.
 */
export function startServer(schemesDir: string, timeoutMs = 240_000, env: Record<string, string> = {}): Promise<RunningServer> {
  return withStartLock(timeoutMs, () => spawnServer(schemesDir, timeoutMs, env));
}

function spawnServer(schemesDir: string, timeoutMs: number, extraEnv: Record<string, string>): Promise<RunningServer> {
  // as `pnpm start` runs it: the built server (packages/server/bin/start.mjs, rebuilt first when stale)
  const child: ChildProcess = spawn(process.execPath, ['packages/server/bin/start.mjs', '--port', '0', '--schemes', schemesDir, '--database', databaseOf(schemesDir), '--no-open'], {
    cwd: repoRoot,
    env: { ...process.env, CI: '1', NODE_ENV: 'production', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return listening(child, timeoutMs);
}

/**
 * A server process the caller started, once it prints its address (http://127.0.0.1:<port>/); `stop` ends it
 * with SIGTERM. Rejects when it exits first, or does not print its address within `timeoutMs`.
 */
export function listening(child: ChildProcess, timeoutMs: number): Promise<RunningServer> {
  let out = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:[0-9]+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1] as string,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Browser problems seen during a test; the test asserts this stays empty. */
export interface Problems {
  list: string[];
  /**
   * Declares one HTTP refusal the test provokes on purpose (Chromium logs every 4xx response as
   * a console error): the next console error for that status and URL is not a problem.
   */
  allowHttpError(status: number, urlPart: string): void;
}

/** Launches Debian's Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The 署名 a watched page has given the editor by default (state/author.ts), so saves do not ask for it. */
export const E2E_AUTHOR = '测试员 王五';

export interface PageOptions {
  /** The 署名 stored in the browser before the page loads; null: none (the editor asks on the first save). */
  author?: string | null;
  viewport?: { width: number; height: number };
  /** The browser's time zone (IANA name), e.g. Asia/Shanghai; default the machine's. */
  timezoneId?: string;
}

/** Opens a page that records console errors, page errors, worker warnings and foreign requests. */
export async function watchedPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<{ page: Page; problems: Problems }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1600, height: 1000 }, locale: 'zh-CN', ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) });
  const author = options.author === undefined ? E2E_AUTHOR : options.author;
  if (author !== null) await context.addInitScript((name: string) => window.localStorage.setItem('jixiao.author', name), author);
  const page = await context.newPage();
  const allowed: { status: number; urlPart: string }[] = [];
  const problems: Problems = { list: [], allowHttpError: (status, urlPart) => allowed.push({ status, urlPart }) };
  const origin = new URL(baseUrl).origin;
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') {
      const at = msg.location().url;
      const i = allowed.findIndex((a) => text.includes(`status of ${a.status}`) && at.includes(a.urlPart));
      if (i >= 0) allowed.splice(i, 1);
      else problems.list.push(`console error: ${text} (${at})`);
    }
    if (/Could not create web worker/i.test(text)) problems.list.push(`worker fallback: ${text}`);
    if (/React DevTools/.test(text)) problems.list.push(`not a production build: ${text}`);
  });
  page.on('pageerror', (err) => problems.list.push(`page error: ${err.message}`));
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.list.push(`request outside the local server: ${u}`);
  });
  page.on('worker', (w) => w.on('console', (msg) => msg.type() === 'error' && problems.list.push(`worker console error: ${msg.text()}`)));
  return { page, problems };
}

let shotNo = 0;
let suite = 'e2e';

/** Names the screenshots of this test file: test-results/e2e/<suite>-<nn>-<name>.png. */
export function shotSuite(name: string): void {
  suite = name;
}

/**
 * Saves a screenshot as test-results/e2e/<suite>-<nn>-<name>.png. The first one of a test file
 * removes that suite's earlier screenshots (and unprefixed ones of older runs), leaving other
 * test files' screenshots alone.
 */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  if (shotNo === 0) {
    for (const f of readdirSync(shotsDir)) if (f.startsWith(`${suite}-`) || /^[0-9]{2}-/.test(f)) rmSync(join(shotsDir, f), { force: true });
  }
  const file = join(shotsDir, `${suite}-${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Fails the test with the browser problems a watched page recorded, if any. */
export function noProblems(problems: Problems): void {
  expect(problems.list, problems.list.join('\n')).toEqual([]);
}

/**
 * Makes the next year's draft of a family through the server's new-year route (as 以…为基础新建…草稿 does);
 * throws unless it is created.
 */
export async function newYearDraft(serverUrl: string, family: string, from: number, year: number): Promise<void> {
  const r = await fetch(`${serverUrl}api/schemes/${family}/${from}/new-year`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ year }),
  });
  if (r.status !== 201) throw new Error(`the ${year} draft of ${family} was not created: ${r.status} ${await r.text()}`);
}

/** What an e2e file works with: the copy of schemes/, the real server over it, and Chromium. */
export interface E2eSetup {
  readonly schemes: { dir: string; remove: () => void };
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Options of `e2eSetup`. */
export interface E2eSetupOptions {
  /** Added to the server's environment (e.g. JIXIAO_AUTHOR); a function of the copy's folder when it names a path in it. */
  env?: Record<string, string> | ((schemesDir: string) => Record<string, string>);
  /** A draft the server makes before the tests (through the new-year route), e.g. shenzhen-department 2024 → 2025. */
  newYear?: { family: string; from: number; year: number };
  /** Documents written into the copy before the server starts (and imports it), by path below schemes/, e.g. `shenzhen-department/2030.json`. */
  files?: Record<string, unknown>;
}

/**
 * The setup every browser test file makes, registered as its beforeAll/afterAll: before its tests a temporary
 * copy of schemes/, the real server over it and Chromium (and the `newYear` draft); after them the browser
 * closed, the server stopped and the copy removed. The returned object's fields are there once the tests run.
 */
export function e2eSetup(options: E2eSetupOptions = {}): E2eSetup {
  let schemes: E2eSetup['schemes'] | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    schemes = tempSchemes();
    for (const [rel, doc] of Object.entries(options.files ?? {})) {
      mkdirSync(dirname(join(schemes.dir, rel)), { recursive: true });
      writeFileSync(join(schemes.dir, rel), JSON.stringify(doc, null, 2) + '\n');
    }
    const env = typeof options.env === 'function' ? options.env(schemes.dir) : (options.env ?? {});
    server = await startServer(schemes.dir, 240_000, env);
    browser = await launchBrowser();
    if (options.newYear) await newYearDraft(server.url, options.newYear.family, options.newYear.from, options.newYear.year);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    schemes?.remove();
  });
  const ready = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`e2e setup: no ${what} yet (read it inside a test, after beforeAll)`);
    return x;
  };
  return {
    get schemes() {
      return ready(schemes, 'schemes copy');
    },
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
