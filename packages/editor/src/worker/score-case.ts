/**
 * Whether the engine scores a case under a scheme (the scheme page's choice of the case it opens with,
 * state/default-case.ts): a `batch` job of one case in a versions worker, off the main thread. One worker
 * serves the calls that follow each other, and is ended once none has come for IDLE_MS.
 */
import VersionsWorker from './versions.worker.ts?worker';
import type { BatchJob, BatchOutcome, VersionsRequest, VersionsResponse } from './versions-protocol.ts';

/** How long the worker waits for the next call before it is ended (ms). */
const IDLE_MS = 5_000;

let worker: Worker | null = null;
let idle: ReturnType<typeof setTimeout> | null = null;
let seq = 0;
const waiting = new Map<number, (o: VersionsResponse['outcome']) => void>();

function theWorker(): Worker {
  if (idle !== null) clearTimeout(idle);
  idle = null;
  if (worker) return worker;
  const w = new VersionsWorker();
  w.onmessage = (e: MessageEvent<VersionsResponse>) => {
    waiting.get(e.data.seq)?.(e.data.outcome);
    waiting.delete(e.data.seq);
    if (waiting.size === 0) {
      idle = setTimeout(() => {
        w.terminate();
        if (worker === w) worker = null;
      }, IDLE_MS);
    }
  };
  // a worker that cannot start answers "cannot tell" (the page then opens the first case in order), never nothing
  w.onerror = (e) => {
    console.warn('案例计分检查无法进行 (score-case worker failed):', e.message);
    for (const done of waiting.values()) done({ kind: 'crash', message: e.message });
    waiting.clear();
    w.terminate();
    if (worker === w) worker = null;
  };
  worker = w;
  return w;
}

/**
 * True when the engine scores `caseDoc` (its facts and reviewer entries) under `scheme`, false when the
 * case cannot be scored (missing or wrong data), null when that cannot be told (the scheme itself does not
 * compile, or the engine or its worker failed).
 */
export function canScoreCase(scheme: unknown, caseDoc: unknown): Promise<boolean | null> {
  const job: BatchJob = { kind: 'batch', scheme, cases: [{ id: 'probe', name: 'probe', input: caseDoc as BatchJob['cases'][number]['input'] }] };
  const req: VersionsRequest = { seq: ++seq, job };
  return new Promise((resolve) => {
    waiting.set(req.seq, (o) => {
      const b = o as BatchOutcome | { kind: 'crash' };
      resolve(b.kind === 'batch' ? (b.ok ? b.cases[0]?.ok === true : null) : null);
    });
    theWorker().postMessage(req);
  });
}
