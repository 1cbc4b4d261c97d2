/**
 * The analysis worker: everything the engine computes for the draft, off the main thread so typing
 * never stalls — validation issues, the rendered 评分标准 of every leaf, and the case's score sheet.
 * It calls the engine package directly; no scoring or rendering logic lives here.
 *
 * The engine's error-reporting validators are a chunk of their own here (vite.config.ts): a draft that
 * passes the conformance check is analysed at once; one that does not waits for them to load. They are
 * fetched anyway two seconds after the first result, so a later typing error does not wait.
 */
import { loadSchemaDetail, parseFormula, schemaDetailLoaded, schemeConforms } from '@jixiao/engine';
import { analyse } from './analyse.ts';
import type { AnalysisRequest, AnalysisResult } from './protocol.ts';

// mathjs's parser (~20 ms of CPU to build, at the first formula) is built now, while the page is still
// fetching the draft: the first analysis would build it anyway
parseFormula('0');

/** Milliseconds after the first result before the error-reporting validators are fetched anyway. */
const PREFETCH_AFTER_MS = 2000;
let prefetch: ReturnType<typeof setTimeout> | undefined;

/** Requests in arrival order: a request waiting for the validators must not be overtaken by a later one. */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  // a failure of one request (none is expected: analyse() reports its own) must not stop the next
  queue = queue.then(() => handle(e.data)).catch((err: unknown) => console.warn('分析出错 (analysis failed):', err));
};

async function handle(req: AnalysisRequest): Promise<void> {
  if (!schemaDetailLoaded() && !schemeConforms(req.doc)) {
    try {
      await loadSchemaDetail();
    } catch (err) {
      // analyse() reports the failure as a crash: the page must not wait forever
      console.warn('校验器加载失败 (validators failed to load):', err);
    }
  }
  const result = analyse(req);
  try {
    self.postMessage(result);
  } catch (err) {
    // A result that cannot be cloned (e.g. a function left in a trace) must not leave the page
    // waiting: send its plain-data part and say what happened.
    const plain = JSON.parse(JSON.stringify(result)) as AnalysisResult;
    plain.crash = `结果含有无法传递的数据 (result not cloneable): ${err instanceof Error ? err.message : String(err)}`;
    self.postMessage(plain);
  }
  // fetched once the page has shown its first results, so that it does not compete with them
  if (!schemaDetailLoaded() && !prefetch) prefetch = setTimeout(() => void loadSchemaDetail().catch(() => (prefetch = undefined)), PREFETCH_AFTER_MS);
}
