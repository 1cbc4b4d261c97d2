/**
 * One-at-a-time per file (按文件排队) within a process: the check of a save's base version, the write
 * and its history record happen together, so two saves of one file cannot interleave.
 */
const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task of `key` has settled; returns its result. */
export function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const prev = tails.get(key) ?? Promise.resolve();
  const next = prev.then(task, task);
  const tail = next.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return next;
}
