/**
 * `jixiao restore <file> <seq>`: 恢复 — brings history entry `seq` back as the current draft. The
 * restoration is itself recorded (a new entry naming the one restored), so the replaced state stays
 * in the history: nothing is lost. A published file cannot be restored over (it is frozen).
 */
import { resolve } from 'node:path';
import { resolveAuthor, restoreScheme } from '@jixiao/store';
import { usageError, type Io } from '../io.ts';
import { showPath } from '../json-file.ts';
import { refusal } from './version-io.ts';

/** Runs `restore`. @throws CliError (2: bad number, no such entry; 1: published file, unusable entry). */
export async function restoreCommand(file: string, seqText: string, io: Io): Promise<void> {
  if (!/^[0-9]+$/.test(seqText) || Number(seqText) < 1) throw usageError(`记录序号应为正整数：${seqText}`, `the entry number must be a positive integer: ${seqText}`);
  const abs = resolve(io.cwd, file);
  const shown = showPath(abs, io.cwd);
  const r = await restoreScheme(abs, Number(seqText), { author: resolveAuthor({ cwd: io.cwd }) });
  if (r.kind === 'unchanged') {
    io.out(`${shown} 当前内容已与第 ${seqText} 条记录相同，无需恢复（already identical to entry ${seqText}）\n`);
    return;
  }
  if (r.kind !== 'saved') throw refusal(r, shown);
  io.out(`已恢复：${shown} ← 第 ${seqText} 条记录（restored entry ${seqText}）\n  记为第 ${r.entry.seq} 条：${r.entry.summary}\n`);
}
