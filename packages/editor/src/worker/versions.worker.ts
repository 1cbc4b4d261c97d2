/**
 * The versions worker: impact previews and version comparisons off the main thread, so typing in
 * the draft never stalls while every case is re-scored under both versions.
 */
import { runDiff, runImpact, runReach } from './versions-jobs.ts';
import type { VersionsRequest, VersionsResponse } from './versions-protocol.ts';

self.onmessage = (e: MessageEvent<VersionsRequest>) => {
  const t0 = performance.now();
  let outcome: VersionsResponse['outcome'];
  try {
    const job = e.data.job;
    outcome = job.kind === 'impact' ? runImpact(job) : job.kind === 'reach' ? runReach(job) : runDiff(job);
  } catch (err) {
    outcome = { kind: 'crash', message: err instanceof Error ? err.message : String(err) };
  }
  const res: VersionsResponse = { seq: e.data.seq, outcome, ms: Math.round(performance.now() - t0) };
  try {
    self.postMessage(res);
  } catch (err) {
    self.postMessage({ seq: e.data.seq, outcome: { kind: 'crash', message: `结果无法传递 (not cloneable): ${String(err)}` }, ms: res.ms } satisfies VersionsResponse);
  }
};
