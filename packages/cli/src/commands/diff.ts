/**
 * `jixiao diff <a> <b> [--format text|json]`: what changed from scheme version a to version b, one
 * Chinese sentence per change (engine `diffSchemes`): "公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分",
 * "新增指标 数字化建设 5分", "效果性 25分 → 20分", "评分标准文字变更：…".
 */
import { diffSchemes, type SchemeChange } from '@jixiao/engine';
import type { Io } from '../io.ts';
import { readSchemeDoc, versionName, warnPublication } from './version-io.ts';

export interface DiffOptions {
  format: 'text' | 'json';
}

/** Text form: a heading, then the changes numbered, each with its kind. */
export function diffText(from: string, to: string, changes: SchemeChange[]): string {
  const head = `比较 ${from} → ${to}：${changes.length ? `${changes.length} 处变更` : '无变更'}（${changes.length} change${changes.length === 1 ? '' : 's'}）`;
  const width = String(changes.length).length;
  return [head, ...changes.map((c, n) => `${String(n + 1).padStart(width)}. ${c.message}`)].join('\n');
}

/** Runs `diff`. @throws CliError (2: missing file; 1: not a scheme document). */
export function diffCommand(a: string, b: string, opts: DiffOptions, io: Io): void {
  const x = readSchemeDoc(a, io.cwd);
  const y = readSchemeDoc(b, io.cwd);
  warnPublication(x, io);
  warnPublication(y, io);
  if (x.doc.id !== y.doc.id) {
    io.err(`警告：两个文件属于不同的方案（${x.doc.id} 与 ${y.doc.id}），逐项比较的意义有限（warning: the files are different schemes）\n`);
  }
  const changes = diffSchemes(x.doc, y.doc);
  if (opts.format === 'json') {
    const meta = (f: typeof x) => ({ file: f.file.shown, id: f.doc.id, year: f.doc.year, version: f.doc.version, status: f.doc.status });
    io.out(JSON.stringify({ from: meta(x), to: meta(y), changes }, null, 2) + '\n');
    return;
  }
  io.out(diffText(`${x.file.shown}（${versionName(x.doc)}）`, `${y.file.shown}（${versionName(y.doc)}）`, changes) + '\n');
}
