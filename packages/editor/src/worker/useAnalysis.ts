/**
 * React hook over the analysis worker: re-analyses (debounced) whenever the draft or the case
 * input changes, keeps only the newest request in flight, and returns the latest result. A change after
 * a quiet spell of `delayMs` is sent at once (the page's first analysis, the first keystroke); changes
 * following it within `delayMs` wait until typing pauses. The first page that analyses takes a worker
 * started when the page loaded (worker/start.ts), whose script was fetched and parsed meanwhile.
 */
import { useEffect, useRef, useState } from 'react';
import AnalysisWorker from './analysis.worker.ts?worker';
import { takeStartedWorker } from './start.ts';
import type { AnalysisInput, AnalysisRequest, AnalysisResult } from './protocol.ts';

export interface AnalysisState {
  result: AnalysisResult | null;
  /** The document object `result` was computed for (compare by reference with the draft). */
  forDoc: unknown;
  /** True while a newer analysis than `result` is pending. */
  pending: boolean;
}

export function useAnalysis(doc: unknown, input: AnalysisInput | null, delayMs = 120): AnalysisState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const busy = useRef(false);
  const queued = useRef<AnalysisRequest | null>(null);
  const sent = useRef(new Map<number, unknown>());
  /** performance.now() of the last request sent (or queued). */
  const lastSent = useRef(Number.NEGATIVE_INFINITY);
  const [state, setState] = useState<AnalysisState>({ result: null, forDoc: undefined, pending: true });

  useEffect(() => {
    const w = takeStartedWorker() ?? new AnalysisWorker();
    worker.current = w;
    w.onmessage = (e: MessageEvent<AnalysisResult>) => {
      busy.current = false;
      const next = queued.current;
      queued.current = null;
      if (next) {
        busy.current = true;
        w.postMessage(next);
      }
      if (e.data.crash) console.warn('分析出错 (engine exception):', e.data.crash);
      const forDoc = sent.current.get(e.data.seq);
      for (const k of sent.current.keys()) if (k <= e.data.seq) sent.current.delete(k);
      setState({ result: e.data, forDoc, pending: next !== null || e.data.seq !== seq.current });
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (doc === null || doc === undefined) return;
    setState((s) => ({ ...s, pending: true }));
    // after a quiet spell the change is sent at once: nothing is being typed, and the page may be waiting for its score
    const wait = performance.now() - lastSent.current >= delayMs ? 0 : delayMs;
    const timer = setTimeout(() => {
      lastSent.current = performance.now();
      const req: AnalysisRequest = { seq: ++seq.current, doc, input };
      sent.current.set(req.seq, doc);
      const w = worker.current;
      if (!w) return;
      if (busy.current) queued.current = req;
      else {
        busy.current = true;
        w.postMessage(req);
      }
    }, wait);
    return () => clearTimeout(timer);
  }, [doc, input, delayMs]);

  return state;
}
