/**
 * The versions worker: impact previews and version comparisons off the main thread, so typing in
 * the draft never stalls while every case is re-scored under both versions.
 */
import { loadSchemaDetail } from '@jixiao/engine';
import { runBatch, runDiff, runImpact, runReach } from './versions-jobs.ts';
import type { VersionsRequest, VersionsResponse } from './versions-protocol.ts';

/** Jobs in arrival order (the first waits for the engine's error-reporting validators, a chunk of their own: vite.config.ts). */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<VersionsRequest>) => {
  // a failure of one job (none is expected: handle() reports its own) must not stop the next
  queue = queue.then(() => handle(e)).catch((err: unknown) => console.warn('版本计算出错 (versions job failed):', err));
};

async function handle(e: MessageEvent<VersionsRequest>): Promise<void> {
  const t0 = performance.now();
  let outcome: VersionsResponse['outcome'];
  try {
    // drafts and baselines may be invalid: their errors are reported by the full validators
    await loadSchemaDetail();
    const job = e.data.job;
    outcome = job.kind === 'impact' ? runImpact(job) : job.kind === 'reach' ? runReach(job) : job.kind === 'batch' ? runBatch(job) : runDiff(job);
  } catch (err) {
    outcome = { kind: 'crash', message: err instanceof Error ? err.message : String(err) };
  }
  const res: VersionsResponse = { seq: e.data.seq, outcome, ms: Math.round(performance.now() - t0) };
  try {
    self.postMessage(res);
  } catch (err) {
    self.postMessage({ seq: e.data.seq, outcome: { kind: 'crash', message: `结果无法传递 (not cloneable): ${String(err)}` }, ms: res.ms } satisfies VersionsResponse);
  }
}
