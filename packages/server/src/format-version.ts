/**
 * Every scheme and case the server reads for scoring, validation or a new draft goes through the engine's
 * format upgrade (`upgradeScheme` / `upgradeCase`, engine format/version.ts) first: a document of an earlier
 * format version is worked on as read through the migrations (it is stored as it was sent: a save never rewrites
 * it), one of a newer or an invalid version is refused with 422 and its one message — never a schema error soup
 * or a 500. Documents are served (GET) as stored; the editor reads them through the same upgrade.
 */
import type { FastifyReply } from 'fastify';
import type { EnginePort, Issue } from './engine-port.ts';
import { sendError } from './http-errors.ts';

/** A document upgraded to the current format (`notice`: the note of an upgrade, a warning), or the refusal. */
export type Readable = { ok: true; doc: unknown; notice: Issue[] } | { ok: false; issues: Issue[] };

/** `doc` as the engine reads a document of `kind`. Never throws. */
export function readable(engine: EnginePort, kind: 'scheme' | 'case', doc: unknown): Readable {
  const r = kind === 'scheme' ? engine.upgradeScheme(doc) : engine.upgradeCase(doc);
  if (!r.ok) return r;
  const notice = engine.upgradeNotice(r, kind);
  return { ok: true, doc: r.doc, notice: notice ? [notice] : [] };
}

/**
 * Sends the refusal of a document's format version: 422 `unreadable-format-version`, the message the issue's
 * (此文档由较新版本的 jixiao 写成…请升级 jixiao), the issue itself in `issues` (path /formatVersion).
 */
export function sendFormatRefusal(reply: FastifyReply, issues: Issue[]): FastifyReply {
  const first = issues[0];
  return sendError(reply, 422, {
    error: 'unreadable-format-version',
    message: first?.message ?? '文档的格式版本无法读取',
    messageEn: first?.messageEn ?? 'the document’s format version cannot be read',
    issues,
  });
}
