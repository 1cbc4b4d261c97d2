/**
 * Request bodies read as JSON documents (请求正文): the raw text is checked by the store's
 * `checkDocumentText` before anything uses it, so a number that JSON.parse would turn into Infinity, 0 or
 * a rounded double (`1e400`, a 3,000-digit literal) is refused with the field named instead of being
 * saved as `null` or another value than was sent, and a body nested thousands deep is refused with a
 * message instead of overflowing the stack of whatever walks it (a 500), and a member name written twice
 * (`{"points": 5, "points": 6}`, which JSON.parse reads as 6) is refused naming its JSON path.
 *
 * The text itself is kept with the request (`bodyText(req)`): a saved scheme or case is stored exactly
 * as sent (`1.10`, `1E2` and `-0` stay so, and the ETag is that of the sent text), while the routes
 * validate the parsed value.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/** The JSON text of each parsed request body, exactly as received. */
const texts = new WeakMap<FastifyRequest, string>();

/**
 * The JSON text a request's body was parsed from, exactly as received (a byte-order mark included), for
 * storing a document as sent. Throws when the request had no JSON body (a programming error: only routes
 * whose schema requires a JSON body call it).
 */
export function bodyText(req: FastifyRequest): string {
  const text = texts.get(req);
  if (text === undefined) throw new Error('bodyText: the request has no JSON body (请求没有 JSON 正文)');
  return text;
}

/** Replaces fastify's JSON body parser with one that checks the text first (any JSON value at the root). */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const r = checkDocumentText(body as string, { requireObject: false });
    if (r.ok) texts.set(req, body as string);
    if (r.ok) done(null, r.doc);
    else done(new DocumentBodyError(r.issues), undefined);
  });
}
