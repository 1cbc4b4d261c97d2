/**
 * Atomic file replacement (写入临时文件后改名): the new content is written to a temporary file in
 * the same folder, flushed to disk, then renamed over the target. A reader (or a crash) sees the
 * old file or the new one, never half of one.
 */
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Writes `content` (UTF-8) to `target` atomically. Temporary files start with '.' and end in `.tmp`. */
export async function atomicWrite(target: string, content: string): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(content, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
