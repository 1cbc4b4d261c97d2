/**
 * Case routes, read-only (shapes: `@jixiao/api` cases.ts):
 * - `GET /api/families/:family/cases` — the family's cases (id, year, name, scheme, reported total);
 * - `GET /api/families/:family/cases/:year/:caseId` — one case document.
 */
import { GetCase, ListCases } from '@jixiao/api';
import type { App } from '../app.ts';
import type { CaseStore } from '../store/case-store.ts';
import { sendError } from '../http-errors.ts';

export function caseRoutes(app: App, store: CaseStore): void {
  app.get('/api/families/:family/cases', { schema: ListCases }, async (req) => ({
    cases: await store.list(req.params.family),
  }));

  app.get('/api/families/:family/cases/:year/:caseId', { schema: GetCase }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const stored = await store.read(family, year, caseId);
    if (!stored) {
      return sendError(reply, 404, { error: 'not-found', message: `没有找到案例 ${caseId}。`, messageEn: `Case ${family}/${year}/${caseId} not found.` });
    }
    if (!stored.ok) {
      return sendError(reply, 500, { error: 'bad-file', message: `案例文件无法读取：${stored.issue.message}`, messageEn: `Case file cannot be read: ${stored.issue.messageEn}`, issues: [stored.issue] });
    }
    void reply.header('ETag', stored.etag).header('Cache-Control', 'no-store');
    return { etag: stored.etag, doc: stored.doc };
  });
}
