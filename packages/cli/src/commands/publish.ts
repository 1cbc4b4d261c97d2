/**
 * `jixiao publish <file>`: 发布 — only a draft with no validation errors is published (engine
 * `publish`, through the store): status 已发布, publication time and content hash recorded, history
 * entry "发布". From then on the file is frozen: the store refuses every write to it.
 */
import { validateScheme } from '@jixiao/engine';
import { publishScheme, resolveAuthor } from '@jixiao/store';
import { resolve } from 'node:path';
import type { Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { showPath } from '../json-file.ts';
import { refusal } from './version-io.ts';

/** Runs `publish`. @throws CliError (2: no such file; 1: already published, invalid draft). */
export async function publishCommand(file: string, io: Io): Promise<void> {
  const abs = resolve(io.cwd, file);
  const shown = showPath(abs, io.cwd);
  const r = await publishScheme(abs, { author: resolveAuthor({ cwd: io.cwd }) });
  if (r.kind !== 'saved') throw refusal(r as Exclude<typeof r, { kind: 'unchanged' }>, shown);
  // what validation only warns about (e.g. stored 评分标准 that no longer says what the rule does) is
  // published too: say so, once, where the user is looking
  const warnings = validateScheme(r.doc).filter((i) => i.severity === 'warning');
  if (warnings.length) io.err(`${issueLines(warnings).join('\n')}\n  以上 ${warnings.length} 条警告随方案一并发布（published with ${warnings.length} warning(s)）\n`);
  io.out(
    `已发布：${shown}（published）\n` +
      `  发布时间 publishedAt：${String(r.doc['publishedAt'])}\n` +
      `  内容摘要 contentHash：${String(r.doc['contentHash'])}\n` +
      `  已发布的方案不可再修改；历史记录第 ${r.entry.seq} 条（the file is now frozen）\n`,
  );
}
