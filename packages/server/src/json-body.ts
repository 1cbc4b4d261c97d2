/**
 * Request bodies read as JSON documents (请求正文): the raw text is checked by the store's
 * `checkDocumentText` before anything uses it, so a number that JSON.parse would turn into Infinity, 0 or
 * a rounded double (`1e400`, a 3,000-digit literal) is refused with the field named instead of being
 * saved as `null` or another value than was sent, and a body nested thousands deep is refused with a
 * message instead of overflowing the stack of whatever walks it (a 500).
 */
import type { FastifyInstance } from 'fastify';
import type { Issue } from '@jixiao/engine';
import { checkDocumentText } from '@jixiao/store';

/** A request body refused by `checkDocumentText`; the error handler answers it as 400 `bad-document`. */
export class DocumentBodyError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => i.messageEn).join('; '));
    this.issues = issues;
  }
}

/** Replaces fastify's JSON body parser with one that checks the text first (any JSON value at the root). */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const r = checkDocumentText(body as string, { requireObject: false });
    if (r.ok) done(null, r.doc);
    else done(new DocumentBodyError(r.issues), undefined);
  });
}
