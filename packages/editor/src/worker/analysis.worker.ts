/**
 * The analysis worker: everything the engine computes for the draft, off the main thread so typing
 * never stalls — validation issues, the rendered 评分标准 of every leaf, and the case's score sheet.
 * It calls the engine package directly; no scoring or rendering logic lives here.
 */
import { analyse } from './analyse.ts';
import type { AnalysisRequest, AnalysisResult } from './protocol.ts';

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const result = analyse(e.data);
  try {
    self.postMessage(result);
  } catch (err) {
    // A result that cannot be cloned (e.g. a function left in a trace) must not leave the page
    // waiting: send its plain-data part and say what happened.
    const plain = JSON.parse(JSON.stringify(result)) as AnalysisResult;
    plain.crash = `结果含有无法传递的数据 (result not cloneable): ${err instanceof Error ? err.message : String(err)}`;
    self.postMessage(plain);
  }
};
