/**
 * The version commands acting through the database store (`publish`, `restore`, `history`,
 * `new-year`; the default, unless `--files`): the database is `--database`, else `JIXIAO_DATABASE`,
 * else the embedded SQLite file the server uses (`<data folder>/jixiao.sqlite`) — the same documents,
 * history and concurrency rules as every other writer of that database, the server included. A scheme
 * is named by its file in the exchange layout, `…/<family>/<year>.json`, which gives its family and
 * year; the file itself is not read or written (`import-store` / `export-store` move files in and
 * out). A database that holds no document yet is first filled from the folder of that layout (the
 * bundled `schemes/`, as the server's first start does), so the commands work on a fresh machine.
 *
 * A write is based on the version the command read when it started, or on `--based-on <version>`:
 * if anyone saved meanwhile, it is refused (conflict), never applied over their save.
 */
import { basename, dirname, resolve } from 'node:path';
import { newYear, validateScheme, type Scheme } from '@jixiao/engine';
import {
  ACTION_NAMES_ZH,
  documentText,
  FAMILY_RE,
  fillIfEmpty,
  resolveAuthor,
  StoreError,
  StoreInvalidError,
  StoreNotFoundError,
  type DocumentStore,
  type SchemeRef,
} from '@jixiao/store';
import { CliError, EXIT, usageError, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { upgradeDoc } from '../upgrade.ts';
import { textTable } from '../present/table.ts';
import { openDatabase } from './store-exchange.ts';
import { confirmWarnings } from './publish.ts';

/** The database a version command names: `--database`, else `JIXIAO_DATABASE`; undefined means the embedded default. */
export function chosenDatabase(option: string | undefined): string | undefined {
  return option?.trim() || process.env['JIXIAO_DATABASE']?.trim() || undefined;
}

/** The scheme a file of the exchange layout names: `…/<family>/<year>.json`. @throws CliError 2. */
export function schemeRefOf(file: string, cwd: string): SchemeRef {
  const m = /^([0-9]{4})\.json$/.exec(basename(file));
  const family = basename(dirname(resolve(cwd, file)));
  if (!m || !FAMILY_RE.test(family)) {
    throw usageError(`无法从 ${file} 得出方案族与年度（应为 <方案族>/<年度>.json）`, `cannot tell family and year from ${file} (expected <family>/<year>.json)`);
  }
  return { kind: 'scheme', family, year: Number(m[1]) };
}

/** The schemes folder a file of the exchange layout is in: `<root>/<family>/<year>.json` → `<root>`. */
const layoutRootOf = (file: string, cwd: string): string => dirname(dirname(resolve(cwd, file)));

const name = (ref: SchemeRef) => `${ref.family} ${ref.year}年`;

/** The CliError for a store refusal: missing → 2, everything else → 1, with its issues. */
function refusalOf(e: StoreError): CliError {
  if (e instanceof StoreNotFoundError) return usageError(e.message, e.messageEn);
  const issues = e instanceof StoreInvalidError ? e.issues.filter((i) => i !== e.issue) : [];
  return new CliError(EXIT.invalid, [`错误 [${e.code}] ${e.message}`, `    ${e.messageEn}`, ...issueLines(issues)]);
}

/**
 * Runs `task` on the opened store, closing it after; store refusals become CliErrors. A store without
 * any document is first filled from `layoutRoot` (the schemes folder the named file is in).
 */
async function withStore<T>(database: string | undefined, layoutRoot: string, io: Io, task: (store: DocumentStore) => Promise<T>): Promise<T> {
  const store = await openDatabase(database, io);
  try {
    const filled = await fillIfEmpty(store, layoutRoot, { author: resolveAuthor({ cwd: io.cwd }) }).catch(() => null);
    if (filled?.imported.length) io.err(`数据库为空：已从 ${layoutRoot} 导入 ${filled.imported.length} 个方案与案例到 ${store.description}（empty database filled from the folder）\n`);
    return await task(store);
  } catch (e) {
    if (e instanceof StoreError) throw refusalOf(e);
    throw e;
  } finally {
    await store.close();
  }
}

/** The version a write is based on: `--based-on`, else the current one. @throws CliError. */
async function basedOn(store: DocumentStore, ref: SchemeRef, option: string | undefined): Promise<number> {
  if (option !== undefined) {
    if (!/^[0-9]+$/.test(option) || Number(option) < 1) throw usageError(`--based-on 应为正整数：${option}`, `--based-on must be a positive integer: ${option}`);
    return Number(option);
  }
  const doc = await store.read(ref);
  if (!doc) throw usageError(`数据库中没有方案 ${name(ref)}（可先 jixiao import-store 导入）`, `no scheme ${ref.family} ${ref.year} in the database (import it with jixiao import-store)`);
  return doc.version;
}

/** `publish <file> --database …`: publishes the draft in the database. */
export async function publishInStore(file: string, opts: { database?: string | undefined; basedOn?: string; acceptWarnings?: boolean }, io: Io): Promise<void> {
  const ref = schemeRefOf(file, io.cwd);
  await withStore(opts.database, layoutRootOf(file, io.cwd), io, async (store) => {
    confirmWarnings((await store.read(ref))?.doc, opts.acceptWarnings);
    const r = await store.publish(ref, { basedOnVersion: await basedOn(store, ref, opts.basedOn), author: resolveAuthor({ cwd: io.cwd }) });
    const doc = (await store.read(ref))!;
    const warnings = validateScheme(doc.doc).filter((i) => i.severity === 'warning');
    if (warnings.length) io.err(`${issueLines(warnings).join('\n')}\n  以上 ${warnings.length} 条警告随方案一并发布（published with ${warnings.length} warning(s)）\n`);
    const pub = (await store.publication(ref))!;
    io.out(
      `已发布：方案 ${name(ref)}，${store.description}（published）\n` +
        `  发布时间 publishedAt：${pub.publishedAt}\n` +
        `  内容摘要 contentHash：${pub.contentHash}\n` +
        `  已发布的方案不可再修改；历史记录第 ${r.version} 条（the scheme is now frozen; history entry ${r.version}）\n`,
    );
  });
}

/** `restore <file> <seq> --database …`: brings saved state `seq` back as a new state. */
export async function restoreInStore(file: string, seqText: string, opts: { database?: string | undefined; basedOn?: string }, io: Io): Promise<void> {
  if (!/^[0-9]+$/.test(seqText) || Number(seqText) < 1) throw usageError(`记录序号应为正整数：${seqText}`, `the entry number must be a positive integer: ${seqText}`);
  const ref = schemeRefOf(file, io.cwd);
  await withStore(opts.database, layoutRootOf(file, io.cwd), io, async (store) => {
    const r = await store.restore(ref, Number(seqText), { basedOnVersion: await basedOn(store, ref, opts.basedOn), author: resolveAuthor({ cwd: io.cwd }) });
    if (r.kind === 'unchanged') io.out(`方案 ${name(ref)} 当前内容已与第 ${seqText} 条记录相同，无需恢复（already identical to history entry ${seqText}）\n`);
    else io.out(`已恢复：方案 ${name(ref)} ← 第 ${seqText} 条记录（restored history entry ${seqText}）\n  记为第 ${r.version} 条记录：${r.state.summary}\n`);
  });
}

/** `history <file> --database …`: every saved state of the scheme in the database. */
export async function historyInStore(file: string, opts: { database?: string | undefined; format: 'table' | 'json' }, io: Io): Promise<void> {
  const ref = schemeRefOf(file, io.cwd);
  await withStore(opts.database, layoutRootOf(file, io.cwd), io, async (store) => {
    const current = await store.read(ref);
    if (!current) throw usageError(`数据库中没有方案 ${name(ref)}`, `no scheme ${ref.family} ${ref.year} in the database`);
    const states = await store.history(ref);
    if (opts.format === 'json') {
      io.out(JSON.stringify({ scheme: ref, database: store.description, version: current.version, status: current.status, states, publication: await store.publication(ref) }, null, 2) + '\n');
      return;
    }
    io.out(`方案 ${name(ref)} 的修改历史（history，${store.description}）：${current.status === 'published' ? '已发布' : '草稿'}，共 ${states.length} 条记录，当前内容为第 ${current.version} 条（${states.length} history entries）\n`);
    const rows = states.map((s) => [String(s.seq), s.time.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'), s.author, ACTION_NAMES_ZH[s.action], (s.summary.length > 80 ? `${s.summary.slice(0, 80)}…` : s.summary) + (s.seq === current.version ? '  ← 当前' : '')]);
    io.out(textTable(['记录序号', '时间', '作者', '操作', '变更摘要'], rows, [0]) + '\n');
    if (current.status === 'draft') io.out(`恢复到某条记录：pnpm jixiao restore ${file} <记录序号>（restore a history entry）\n`);
  });
}

/** `new-year --from <file> --year <YYYY> --database …`: the next year's draft, made from the scheme in the database. */
export async function newYearInStore(opts: { from: string; year: string; out?: string; database?: string | undefined }, io: Io): Promise<void> {
  if (!/^[0-9]{4}$/.test(opts.year)) throw usageError(`年度应为四位数字，如 2025：${opts.year}`, `--year must be four digits, e.g. 2025: ${opts.year}`);
  const from = schemeRefOf(opts.from, io.cwd);
  const target: SchemeRef = opts.out ? schemeRefOf(opts.out, io.cwd) : { kind: 'scheme', family: from.family, year: Number(opts.year) };
  await withStore(opts.database, layoutRootOf(opts.from, io.cwd), io, async (store) => {
    const base = await store.read(from);
    if (!base) throw usageError(`数据库中没有方案 ${name(from)}（可先 jixiao import-store 导入）`, `no scheme ${from.family} ${from.year} in the database`);
    // the base as read through the format's migrations (a newer format version is refused by upgradeDoc)
    const { doc: baseDoc } = upgradeDoc(base.doc, 'scheme', `${name(from)}（${store.description}）`);
    const format = validateScheme(baseDoc).filter((i) => i.severity === 'error' && (i.code.startsWith('schema-') || i.code === 'unknown-rule-kind'));
    if (format.length) throw new CliError(EXIT.invalid, [`方案 ${name(from)} 不符合方案格式，不能作为基础（not a scheme document）：`, ...issueLines(format)]);
    const r = newYear(baseDoc as Scheme, Number(opts.year));
    if (!r.ok) throw new CliError(EXIT.invalid, [`不能新建 ${opts.year} 年草稿（cannot create the ${opts.year} draft）：`, ...issueLines(r.issues)]);
    const saved = await store.create(target, documentText(r.doc), { author: resolveAuthor({ cwd: io.cwd }) });
    if (r.warnings.length) io.err(issueLines(r.warnings).join('\n') + '\n');
    io.out(
      `已以${from.year}年方案为基础新建${opts.year}年草稿：方案 ${name(target)}，${store.description}（created the ${opts.year} draft）\n` +
        `  基于 basedOn：${r.doc.basedOn?.id ?? from.family} ${r.doc.basedOn?.year ?? from.year}年，内容摘要 ${r.doc.basedOn?.hash ?? ''}\n` +
        `  状态：草稿（draft），历史记录第 ${saved.version} 条\n`,
    );
  });
}
