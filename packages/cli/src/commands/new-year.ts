/**
 * `jixiao new-year --from <file> --year <YYYY> [--out <file>]`: 以某年方案为基础新建下一年度草稿 —
 * the engine's `newYear` (status 草稿, version 1, basedOn {id, year, hash}), written by the store
 * (history entry "新建"). The default output is `<YYYY>.json` beside the base when it sits in its
 * family's folder, else `schemes/<family>/<YYYY>.json` under the working folder. An existing file is
 * never overwritten.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { newYear } from '@jixiao/engine';
import { createScheme, resolveAuthor } from '@jixiao/store';
import { inputError, usageError, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { showPath } from '../json-file.ts';
import { readSchemeDoc, refusal, warnPublication } from './version-io.ts';

export interface NewYearOptions {
  from: string;
  year: string;
  out?: string;
}

/** Runs `new-year`. @throws CliError (2: bad year or missing file; 1: invalid base, existing output). */
export async function newYearCommand(opts: NewYearOptions, io: Io): Promise<void> {
  if (!/^[0-9]{4}$/.test(opts.year)) throw usageError(`年度应为四位数字，如 2025：${opts.year}`, `--year must be four digits, e.g. 2025: ${opts.year}`);
  const base = readSchemeDoc(opts.from, io.cwd);
  warnPublication(base, io);
  const r = newYear(base.doc, Number(opts.year));
  if (!r.ok) throw inputError([`不能新建 ${opts.year} 年草稿（cannot create the ${opts.year} draft）：`, ...issueLines(r.issues)]);
  const family = base.doc.family;
  const beside = basename(dirname(base.file.path)) === family;
  const target = opts.out ? resolve(io.cwd, opts.out) : beside ? join(dirname(base.file.path), `${opts.year}.json`) : resolve(io.cwd, 'schemes', family, `${opts.year}.json`);
  const shown = showPath(target, io.cwd);
  if (existsSync(target)) throw inputError([`错误 [exists] ${shown} 已存在，不覆盖；请用 --out 指定另一个文件`, `    ${shown} already exists and is not overwritten; choose another file with --out`]);
  const saved = await createScheme(target, r.doc, { author: resolveAuthor({ cwd: io.cwd }) });
  if (saved.kind !== 'saved') throw refusal(saved as Exclude<typeof saved, { kind: 'unchanged' }>, shown);
  if (r.warnings.length) io.err(issueLines(r.warnings).join('\n') + '\n');
  io.out(
    `已以${base.doc.year}年方案为基础新建${opts.year}年草稿：${shown}（created the ${opts.year} draft from ${base.file.shown}）\n` +
      `  基于 basedOn：${base.doc.id} ${base.doc.year}年，内容摘要 ${r.doc.basedOn?.hash ?? ''}\n` +
      `  状态：草稿（draft），版本 1；历史记录第 ${saved.entry.seq} 条\n`,
  );
}
