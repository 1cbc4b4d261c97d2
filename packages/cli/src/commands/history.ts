/**
 * `jixiao history <file> [--format table|json]`: 修改历史 — every recorded state of a scheme file
 * (序号, 时间, 作者, 操作, 变更摘要), the entry the file currently holds marked, and the file's
 * publication check (a published file changed after publication is reported).
 */
import { ACTION_ZH, checkSchemeFile, historyDir, listHistory, readStored } from '@jixiao/store';
import { resolve } from 'node:path';
import { usageError, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { showPath } from '../json-file.ts';
import { textTable } from '../present/table.ts';

export interface HistoryOptions {
  format: 'table' | 'json';
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** "2025-03-01 08:00:00 UTC" from an ISO time. */
export function showTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** Runs `history`. @throws CliError 2 when the file has neither a current version nor a history. */
export async function historyCommand(file: string, opts: HistoryOptions, io: Io): Promise<void> {
  const abs = resolve(io.cwd, file);
  const shown = showPath(abs, io.cwd);
  const entries = await listHistory(abs);
  const current = await readStored(abs);
  if (!current && !entries.length) throw usageError(`找不到方案文件 ${file}，也没有它的历史记录`, `no such file and no history: ${file}`);
  const checks = current ? await checkSchemeFile(abs) : [];
  if (opts.format === 'json') {
    io.out(JSON.stringify({ file: shown, historyDir: showPath(historyDir(abs), io.cwd), currentEtag: current?.etag ?? null, entries, issues: checks }, null, 2) + '\n');
    return;
  }
  const status = current && current.doc && typeof current.doc === 'object' ? (current.doc as Record<string, unknown>)['status'] : undefined;
  io.out(`${shown} 的修改历史（history）：当前状态 ${status === 'published' ? '已发布' : status === 'draft' ? '草稿' : current ? '未知' : '文件不存在'}，共 ${entries.length} 条记录\n`);
  if (entries.length) {
    const rows = entries.map((e) => [
      String(e.seq),
      showTime(e.time),
      e.author,
      ACTION_ZH[e.action] ?? e.action,
      clip(e.summary, 80) + (current && e.etag === current.etag && e.seq === entries.filter((x) => x.etag === current.etag).at(-1)?.seq ? '  ← 当前' : ''),
    ]);
    io.out(textTable(['序号', '时间', '作者', '操作', '变更摘要'], rows, [0]) + '\n');
    io.out(`恢复某条记录：pnpm jixiao restore ${shown} <序号>（restore an entry）\n`);
  } else io.out('暂无历史记录（no history yet）\n');
  if (checks.length) io.err(issueLines(checks).join('\n') + '\n');
}
