/**
 * The analysis worker: everything the engine computes for the draft, off the main thread so typing
 * never stalls — validation issues, the rendered 评分标准 of every leaf, and the case's score sheet.
 * It calls the engine package directly; no scoring or rendering logic lives here.
 */
import { analyse } from './analyse.ts';
import type { AnalysisRequest } from './protocol.ts';

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  self.postMessage(analyse(e.data));
};
