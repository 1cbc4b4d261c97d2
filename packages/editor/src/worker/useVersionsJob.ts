/**
 * React hook over a versions worker (one per use): runs `job` (debounced) whenever it changes,
 * keeps only the newest request in flight, and returns the latest outcome. `null` runs nothing.
 */
import { useEffect, useRef, useState } from 'react';
import VersionsWorker from './versions.worker.ts?worker';
import type { VersionsJob, VersionsOutcome, VersionsRequest, VersionsResponse } from './versions-protocol.ts';

export interface VersionsJobState<O extends VersionsOutcome> {
  outcome: O | null;
  /** The job `outcome` was computed for (compare by reference). */
  forJob: VersionsJob | null;
  /** A newer job than `outcome` is waiting or running. */
  pending: boolean;
  /** An unexpected exception inside the engine. */
  crash: string | null;
}

export function useVersionsJob<O extends VersionsOutcome>(job: VersionsJob | null, delayMs = 250): VersionsJobState<O> {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const busy = useRef(false);
  const queued = useRef<VersionsRequest | null>(null);
  const sent = useRef(new Map<number, VersionsJob>());
  const [state, setState] = useState<VersionsJobState<O>>({ outcome: null, forJob: null, pending: job !== null, crash: null });

  useEffect(() => {
    const w = new VersionsWorker();
    worker.current = w;
    w.onmessage = (e: MessageEvent<VersionsResponse>) => {
      busy.current = false;
      const next = queued.current;
      queued.current = null;
      if (next) {
        busy.current = true;
        w.postMessage(next);
      }
      const forJob = sent.current.get(e.data.seq) ?? null;
      for (const k of sent.current.keys()) if (k <= e.data.seq) sent.current.delete(k);
      const pending = next !== null || e.data.seq !== seq.current;
      if (e.data.outcome.kind === 'crash') {
        console.warn('版本计算出错 (engine exception):', e.data.outcome.message);
        setState((s) => ({ ...s, pending, crash: (e.data.outcome as { message: string }).message }));
      } else setState({ outcome: e.data.outcome as O, forJob, pending, crash: null });
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (job === null) return;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const req: VersionsRequest = { seq: ++seq.current, job };
      sent.current.set(req.seq, job);
      const w = worker.current;
      if (!w) return;
      if (busy.current) queued.current = req;
      else {
        busy.current = true;
        w.postMessage(req);
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [job, delayMs]);

  return state;
}
