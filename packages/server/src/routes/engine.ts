/**
 * Engine routes — the engine's own functions over HTTP, no scoring logic here (shapes: `@jixiao/api`
 * engine.ts):
 * - `POST /api/validate` body: a scheme document → `{ issues }` (errors and warnings);
 * - `POST /api/score` body: `{ scheme, case }` (or `{ scheme, facts, reviewer }`) →
 *   `{ ok: true, sheet, warnings }` or `{ ok: false, issues }` (HTTP 422).
 * Both read the documents through the format upgrade (format-version.ts): a newer format version is 422
 * `unreadable-format-version` with its one message.
 */
import { Score, Validate } from '@jixiao/api';
import type { App } from '../app.ts';
import type { EnginePort } from '../engine-port.ts';
import { sendError } from '../http-errors.ts';
import { isRecord } from '../store/library.ts';
import { readable, sendFormatRefusal } from '../format-version.ts';

export function engineRoutes(app: App, engine: EnginePort): void {
  app.post('/api/validate', { schema: Validate }, async (req) => {
    // the document as read through the format's migrations; a format version it cannot read is its one issue
    const up = readable(engine, 'scheme', req.body);
    return { issues: up.ok ? [...up.notice, ...engine.validateScheme(up.doc)] : up.issues };
  });

  app.post('/api/score', { schema: Score }, async (req, reply) => {
    const body = req.body;
    const scheme = readable(engine, 'scheme', body.scheme);
    if (!scheme.ok) return sendFormatRefusal(reply, scheme.issues);
    const kase = body.case === undefined ? undefined : readable(engine, 'case', body.case);
    if (kase && !kase.ok) return sendFormatRefusal(reply, kase.issues);
    // a case document's content is the engine's to check: facts and reviewer are taken when they are objects
    const input: Record<string, unknown> = kase && isRecord(kase.doc) ? kase.doc : body;
    const facts = isRecord(input['facts']) ? input['facts'] : {};
    const reviewer = isRecord(input['reviewer']) ? input['reviewer'] : undefined;
    const compiled = engine.compile(scheme.doc);
    if (!compiled.ok) {
      return sendError(reply, 422, { error: 'invalid-scheme', message: '方案有错误，无法计分。', messageEn: 'Scheme is invalid; cannot score.', issues: compiled.issues });
    }
    const result = engine.evaluate(compiled.compiled, reviewer ? { facts, reviewer } : { facts });
    if (!result.ok) {
      return sendError(reply, 422, { error: 'cannot-score', message: '案例数据有误，无法计分。', messageEn: 'Case facts are invalid; cannot score.', issues: result.issues });
    }
    return { ok: true as const, sheet: result.sheet, warnings: [...scheme.notice, ...(kase?.notice ?? []), ...compiled.warnings] };
  });
}
