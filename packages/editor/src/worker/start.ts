/**
 * The analysis worker started ahead of the first page that analyses (boot.ts, before the app's modules are
 * evaluated), so its script is fetched and parsed while the page loads; the first `useAnalysis` takes it.
 */
import AnalysisWorker from './analysis.worker.ts?worker';

let started: Worker | null = null;

/** Starts an analysis worker now, unless one is waiting already. */
export function startAnalysisWorker(): void {
  started ??= new AnalysisWorker();
}

/** The worker started ahead, once; null when there is none. */
export function takeStartedWorker(): Worker | null {
  const w = started;
  started = null;
  return w;
}
