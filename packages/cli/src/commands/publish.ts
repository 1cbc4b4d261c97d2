/**
 * `jixiao publish <file>`: 发布 — only a draft with no validation errors is published (engine
 * `publish`, through the store): status 已发布, publication time and content hash recorded, history
 * entry "发布". From then on the file is frozen: the store refuses every write to it.
 */
import { validateScheme } from '@jixiao/engine';
import { publishScheme, resolveAuthor } from '@jixiao/store';
import { resolve } from 'node:path';
import { CliError, EXIT, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { readJsonFile, showPath } from '../json-file.ts';
import { refusal } from './version-io.ts';

/**
 * Before a publication: what validation only warns about (e.g. a stored 评分标准 that contradicts its rule,
 * which the editor's publish dialog asks about) stops it unless `--accept-warnings` says the user has
 * read them — a published scheme cannot be changed afterwards. Does nothing for a draft without warnings,
 * or for what the publication itself refuses with its own message: a document that is not a scheme, or one
 * already published.
 * @throws CliError (exit 1) listing the warnings and how to publish with them
 */
export function confirmWarnings(doc: unknown, acceptWarnings: boolean | undefined): void {
  if (acceptWarnings || !doc || typeof doc !== 'object' || (doc as { status?: unknown }).status === 'published') return;
  const warnings = validateScheme(doc).filter((i) => i.severity === 'warning');
  if (!warnings.length) return;
  throw new CliError(EXIT.invalid, [
    ...issueLines(warnings),
    `未发布：方案有 ${warnings.length} 条警告，发布后不可再修改。请先处理；确认随这些警告发布，请加 --accept-warnings`,
    `  (not published: ${warnings.length} warning(s), and a published scheme is frozen; fix them, or add --accept-warnings to publish with them)`,
  ]);
}

/** Runs `publish`. @throws CliError (2: no such file; 1: already published, invalid draft, warnings not accepted). */
export async function publishCommand(file: string, io: Io, opts: { acceptWarnings?: boolean } = {}): Promise<void> {
  const abs = resolve(io.cwd, file);
  const shown = showPath(abs, io.cwd);
  // read as every command reads a JSON file (a workbook, a number like 1e400 and bad JSON refused alike)
  if (!opts.acceptWarnings) confirmWarnings(readJsonFile(file, io.cwd, '方案文件').doc, false);
  const r = await publishScheme(abs, { author: resolveAuthor({ cwd: io.cwd }) });
  if (r.kind !== 'saved') throw refusal(r as Exclude<typeof r, { kind: 'unchanged' }>, shown);
  // the warnings accepted (--accept-warnings) are published too: say so, once, where the user is looking
  const warnings = validateScheme(r.doc).filter((i) => i.severity === 'warning');
  if (warnings.length) io.err(`${issueLines(warnings).join('\n')}\n  以上 ${warnings.length} 条警告随方案一并发布（published with ${warnings.length} warning(s)）\n`);
  io.out(
    `已发布：${shown}（published）\n` +
      `  发布时间 publishedAt：${String(r.doc['publishedAt'])}\n` +
      `  内容摘要 contentHash：${String(r.doc['contentHash'])}\n` +
      `  已发布的方案不可再修改；历史记录第 ${r.entry.seq} 条（the file is now frozen）\n`,
  );
}
