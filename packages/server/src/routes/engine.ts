/**
 * Engine routes — the engine's own functions over HTTP, no scoring logic here:
 * - `POST /api/validate` body: a scheme document → `{ issues }` (errors and warnings);
 * - `POST /api/score` body: `{ scheme, case }` (or `{ scheme, facts, reviewer }`) →
 *   `{ ok: true, sheet, warnings }` or `{ ok: false, issues }` (HTTP 422).
 */
import type { FastifyInstance } from 'fastify';
import type { EnginePort } from '../engine-port.ts';
import { isRecord } from '../store/json-file.ts';
import { sendError } from '../http-errors.ts';

export function engineRoutes(app: FastifyInstance, engine: EnginePort): void {
  app.post<{ Body: unknown }>('/api/validate', async (req) => ({ issues: engine.validateScheme(req.body) }));

  app.post<{ Body: unknown }>('/api/score', async (req, reply) => {
    const body = req.body;
    if (!isRecord(body) || !('scheme' in body)) {
      return sendError(reply, 400, { error: 'bad-body', message: '请求须包含 scheme（方案）和 case（案例）或 facts（事实）。', messageEn: 'Body must hold scheme and case (or facts).' });
    }
    const input = isRecord(body['case']) ? body['case'] : body;
    const facts = isRecord(input['facts']) ? input['facts'] : {};
    const reviewer = isRecord(input['reviewer']) ? input['reviewer'] : undefined;
    const compiled = engine.compile(body['scheme']);
    if (!compiled.ok) {
      return sendError(reply, 422, { error: 'invalid-scheme', message: '方案有错误，无法计分。', messageEn: 'Scheme is invalid; cannot score.', issues: compiled.issues });
    }
    const result = engine.evaluate(compiled.compiled, reviewer ? { facts, reviewer } : { facts });
    if (!result.ok) {
      return sendError(reply, 422, { error: 'cannot-score', message: '案例数据有误，无法计分。', messageEn: 'Case facts are invalid; cannot score.', issues: result.issues });
    }
    return { ok: true, sheet: result.sheet, warnings: compiled.warnings };
  });
}
