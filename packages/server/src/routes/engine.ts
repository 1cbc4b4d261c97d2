/**
 * Engine routes — the engine's own functions over HTTP, no scoring logic here (shapes: `@jixiao/api`
 * engine.ts):
 * - `POST /api/validate` body: a scheme document → `{ issues }` (errors and warnings);
 * - `POST /api/score` body: `{ scheme, case }` (or `{ scheme, facts, reviewer }`) →
 *   `{ ok: true, sheet, warnings }` or `{ ok: false, issues }` (HTTP 422).
 */
import { Score, Validate } from '@jixiao/api';
import type { App } from '../app.ts';
import type { EnginePort } from '../engine-port.ts';
import { sendError } from '../http-errors.ts';
import { isRecord } from '../store/library.ts';

export function engineRoutes(app: App, engine: EnginePort): void {
  app.post('/api/validate', { schema: Validate }, async (req) => ({ issues: engine.validateScheme(req.body) }));

  app.post('/api/score', { schema: Score }, async (req, reply) => {
    const body = req.body;
    // a case document's content is the engine's to check: facts and reviewer are taken when they are objects
    const input: Record<string, unknown> = body.case ?? body;
    const facts = isRecord(input['facts']) ? input['facts'] : {};
    const reviewer = isRecord(input['reviewer']) ? input['reviewer'] : undefined;
    const compiled = engine.compile(body.scheme);
    if (!compiled.ok) {
      return sendError(reply, 422, { error: 'invalid-scheme', message: '方案有错误，无法计分。', messageEn: 'Scheme is invalid; cannot score.', issues: compiled.issues });
    }
    const result = engine.evaluate(compiled.compiled, reviewer ? { facts, reviewer } : { facts });
    if (!result.ok) {
      return sendError(reply, 422, { error: 'cannot-score', message: '案例数据有误，无法计分。', messageEn: 'Case facts are invalid; cannot score.', issues: result.issues });
    }
    return { ok: true as const, sheet: result.sheet, warnings: compiled.warnings };
  });
}
