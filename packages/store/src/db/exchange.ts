/**
 * Files as the exchange format (交换格式): the schemes folder layout
 * `<dir>/<family>/<year>.json` (schemes) and `<dir>/<family>/cases/<year>/<case>.json` (cases) moved
 * into the store (`importFiles`, `jixiao import-store`) and out of it (`exportFiles`,
 * `jixiao export-store`) — git-friendly and reviewable. Texts cross exactly: an export writes each
 * document's current text byte for byte as it was imported or saved.
 *
 * Symbolic links are never followed (a link in the folder is reported and skipped on import, and an
 * export refuses to write through one), so nothing outside the folder is read or written.
 */
import { lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Issue } from '@jixiao/engine';
import { atomicWrite } from '../files.ts';
import { decodeJsonBytes } from '../json-file.ts';
import { StoreError, StoreInvalidError } from './errors.ts';
import { CASE_RE, FAMILY_RE, refPath, type DocumentRef } from './refs.ts';
import type { DocumentStore, ImportResult, WriteOptions } from './store.ts';

const YEAR_FILE = /^([0-9]{4})\.json$/;
const YEAR_DIR = /^[0-9]{4}$/;

/** A document file found in the layout. */
export interface LayoutFile {
  ref: DocumentRef;
  /** Path relative to the folder, with `/`. */
  path: string;
}

/** An entry of the folder that is not imported, and why (Chinese, English beside). */
export interface Skipped {
  path: string;
  reason: string;
}

/** What an import did, file by file. */
export interface ImportReport {
  imported: (LayoutFile & ImportResult)[];
  /** Files the store refused (their issues say why); the other files are imported all the same. */
  refused: (LayoutFile & { issues: Issue[] })[];
  skipped: Skipped[];
}

/** What an export did. */
export interface ExportReport {
  /** Files written (new or different). */
  written: string[];
  /** Files that already held the document's text (left untouched). */
  unchanged: string[];
}

const rel = (dir: string, p: string) => relative(dir, p).split(sep).join('/');

/**
 * The documents of a folder in the exchange layout, sorted (schemes before cases, then by name).
 * Hidden entries (`.history/`, `.git`) are passed over; anything else outside the layout, and every
 * symbolic link, is reported in `skipped`.
 */
export async function scanLayout(dir: string): Promise<{ files: LayoutFile[]; skipped: Skipped[] }> {
  const root = resolve(dir);
  const files: LayoutFile[] = [];
  const skipped: Skipped[] = [];
  const entries = async (d: string) => (await readdir(d, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const skip = (p: string, zh: string, en: string) => skipped.push({ path: rel(root, p), reason: `${zh}（${en}）` });
  const link = (p: string) => skip(p, '符号链接，不跟随', 'symbolic link, not followed');

  for (const fam of await entries(root)) {
    const famDir = join(root, fam.name);
    if (fam.isSymbolicLink()) link(famDir);
    else if (!fam.isDirectory()) skip(famDir, '不在方案目录结构中', 'not in the schemes layout');
    else if (!FAMILY_RE.test(fam.name)) skip(famDir, '方案族名称不合法（小写字母、数字、-）', 'invalid family name');
    else {
      for (const e of await entries(famDir)) {
        const p = join(famDir, e.name);
        const m = YEAR_FILE.exec(e.name);
        if (e.isSymbolicLink()) link(p);
        else if (e.isFile() && m) files.push({ ref: { kind: 'scheme', family: fam.name, year: Number(m[1]) }, path: rel(root, p) });
        else if (e.isDirectory() && e.name === 'cases') {
          for (const y of await entries(p)) {
            const yDir = join(p, y.name);
            if (y.isSymbolicLink()) link(yDir);
            else if (!y.isDirectory() || !YEAR_DIR.test(y.name)) skip(yDir, '案例应放在 cases/<年度>/ 下', 'cases belong in cases/<year>/');
            else {
              for (const c of await entries(yDir)) {
                const cp = join(yDir, c.name);
                const caseId = c.name.replace(/\.json$/, '');
                if (c.isSymbolicLink()) link(cp);
                else if (!c.isFile() || !c.name.endsWith('.json')) skip(cp, '不是 .json 文件', 'not a .json file');
                else if (!CASE_RE.test(caseId) || caseId.includes('..')) skip(cp, '案例文件名不合法', 'invalid case file name');
                else files.push({ ref: { kind: 'case', family: fam.name, year: Number(y.name), caseId }, path: rel(root, cp) });
              }
            }
          }
        } else skip(p, '不在方案目录结构中（应为 <年度>.json 或 cases/）', 'not in the schemes layout (<year>.json or cases/)');
      }
    }
  }
  files.sort((a, b) => (a.ref.kind === b.ref.kind ? (a.path < b.path ? -1 : 1) : a.ref.kind === 'scheme' ? -1 : 1));
  return { files, skipped };
}

/**
 * Imports every document of the folder `dir` into the store (`DocumentStore.importDocument` for each):
 * new documents are created (a published scheme as published, its content hash checked), a
 * changed draft gets a new saved state, a file equal to the stored text changes nothing. A file
 * the store refuses (a changed published scheme, a UTF-16 file, 1e400, …) is reported with its
 * issues; the others are imported all the same.
 */
export async function importFiles(store: DocumentStore, dir: string, opts: WriteOptions = {}): Promise<ImportReport> {
  const { files, skipped } = await scanLayout(dir);
  const report: ImportReport = { imported: [], refused: [], skipped };
  for (const f of files) {
    // the one file reader (json-file.ts): UTF-16, non-UTF-8 and broken JSON named as such, the file with them
    const decoded = decodeJsonBytes(await readFile(join(resolve(dir), f.path)), f.path);
    if (!decoded.ok) {
      report.refused.push({ ...f, issues: [decoded.issue] });
      continue;
    }
    try {
      report.imported.push({ ...f, ...(await store.importDocument(f.ref, decoded.text, opts)) });
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      report.refused.push({ ...f, issues: e instanceof StoreInvalidError ? e.issues : [e.issue] });
    }
  }
  return report;
}

/**
 * Fills a store that holds no document yet from a schemes folder — the bundled schemes and cases on a
 * first start, so a new embedded database opens with them. Returns the import's report, or null when
 * the store already had documents (then nothing is read). Two processes starting at once are fine: a
 * document the other one created first is simply there. A deleted document counts: the store is not empty, its history is there.
 */
export async function fillIfEmpty(store: DocumentStore, dir: string, opts: WriteOptions = {}): Promise<ImportReport | null> {
  if ((await store.list({ includeDeleted: true })).length) return null;
  const report = await importFiles(store, dir, opts);
  report.refused = report.refused.filter((f) => !f.issues.every((i) => i.code === 'store-exists'));
  return report;
}

/** Throws when a folder on the way from `root` to `target` (inclusive) is a symbolic link. */
async function refuseLinks(root: string, target: string): Promise<void> {
  let p = root;
  for (const part of relative(root, target).split(sep)) {
    p = join(p, part);
    try {
      if ((await lstat(p)).isSymbolicLink()) throw new Error(`${rel(root, p)} 是符号链接，不向其中写入（is a symbolic link; not written through）`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
  }
}

/**
 * Writes every document of the store (optionally one family) into the folder `dir` in the exchange
 * layout: each file holds the document's current text exactly, written atomically; a file that
 * already holds it is left untouched. Other files in the folder are left alone.
 */
export async function exportFiles(store: DocumentStore, dir: string, filter: { family?: string } = {}): Promise<ExportReport> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const report: ExportReport = { written: [], unchanged: [] };
  for (const summary of await store.list(filter)) {
    const doc = await store.read(summary.ref);
    if (!doc) continue; // removed meanwhile
    const path = refPath(summary.ref);
    const target = join(root, ...path.split('/'));
    await refuseLinks(root, target);
    let existing: string | null = null;
    try {
      existing = await readFile(target, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (existing === doc.text) report.unchanged.push(path);
    else {
      await atomicWrite(target, doc.text);
      report.written.push(path);
    }
  }
  return report;
}
