/**
 * React hook over the analysis worker: re-analyses (debounced) whenever the draft or the case
 * input changes, keeps only the newest request in flight, and returns the latest result.
 */
import { useEffect, useRef, useState } from 'react';
import AnalysisWorker from './analysis.worker.ts?worker';
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
  const [state, setState] = useState<AnalysisState>({ result: null, forDoc: undefined, pending: true });

  useEffect(() => {
    const w = new AnalysisWorker();
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
    const timer = setTimeout(() => {
      const req: AnalysisRequest = { seq: ++seq.current, doc, input };
      sent.current.set(req.seq, doc);
      const w = worker.current;
      if (!w) return;
      if (busy.current) queued.current = req;
      else {
        busy.current = true;
        w.postMessage(req);
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [doc, input, delayMs]);

  return state;
}
