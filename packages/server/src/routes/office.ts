/**
 * Excel and Word routes (shapes: `@jixiao/api` office.ts), reading schemes and cases through the stores'
 * read methods only, scoring with the engine, and leaving the workbook and document layouts to
 * `@jixiao/office`:
 * - `GET  /api/schemes/:family/:year/template.xlsx` — the fill-in workbook;
 * - `POST /api/schemes/:family/:year/import` (body: the .xlsx bytes) — the cases read from it and every problem
 *   by sheet and cell; nothing is saved;
 * - `GET  /api/families/:family/cases/:year/:caseId/report.docx` and `report.xlsx` — the official table.
 */
import type { FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DOCX_TYPE, GetReport, GetTemplate, ImportWorkbook, XLSX_TYPE } from '@jixiao/api';
import { reportFileName, type CaseDoc, type CompiledScheme, type Scheme } from '@jixiao/engine';
import { importWorkbook, reportDocx, reportWorkbook, templateXlsx, xlsxBytes } from '@jixiao/office';
import type { App } from '../app.ts';
import type { Library } from '../store/library.ts';
import { errorsOf, type EnginePort } from '../engine-port.ts';
import { sendError } from '../http-errors.ts';
import { readSchemeOrReply } from './schemes.ts';
import { readCaseOrReply } from './cases.ts';
import { readable, sendFormatRefusal } from '../format-version.ts';

/** Largest accepted workbook: 10 MiB (a filled template of 60 projects is well under 1 MiB). */
export const WORKBOOK_LIMIT = 10 * 1024 * 1024;

/** Sends bytes as a download named `name` (the Chinese name kept by RFC 5987's filename*). */
function download(reply: FastifyReply, type: string, name: string, bytes: Buffer): FastifyReply {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('Content-Type', type)
    .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('Cache-Control', 'no-store')
    .send(bytes);
}

/** A scheme read and compiled, or the reply already sent (404, unreadable, invalid). */
async function loadScheme(reply: FastifyReply, lib: Library, engine: EnginePort, family: string, year: string): Promise<{ scheme: Scheme; compiled: CompiledScheme } | null> {
  const stored = await readSchemeOrReply(lib, family, year, reply);
  if (!stored) return null;
  const up = readable(engine, 'scheme', stored.doc);
  if (!up.ok) {
    sendFormatRefusal(reply, up.issues);
    return null;
  }
  const r = engine.compile(up.doc);
  if (!r.ok) {
    const issues = errorsOf(r.issues);
    void sendError(reply, 422, { error: 'invalid-scheme', message: `方案 ${family} ${year} 年度有 ${issues.length} 个错误，无法使用。`, messageEn: `Scheme ${family}/${year} has ${issues.length} error(s).`, issues });
    return null;
  }
  return { scheme: r.compiled.scheme, compiled: r.compiled };
}

export function officeRoutes(app: App, lib: Library, engine: EnginePort): void {
  app.get('/api/schemes/:family/:year/template.xlsx', { schema: GetTemplate }, async (req, reply) => {
    const { family, year } = req.params;
    const s = await loadScheme(reply, lib, engine, family, year);
    if (!s) return reply;
    return download(reply, XLSX_TYPE, `${s.scheme.title}-填报模板.xlsx`, await templateXlsx(s.scheme));
  });

  // the import takes bytes: its own parser for the workbook's media types, in a scope of its own
  void app.register(async (scope) => {
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    // any other type (a browser's File with no type) is read as bytes too: the import says whether they are a workbook;
    // fastify's own text parser is taken off in this scope only, so text/plain is not decoded as UTF-8 text
    typed.removeContentTypeParser('text/plain');
    typed.addContentTypeParser([XLSX_TYPE, 'application/octet-stream', '*'], { parseAs: 'buffer', bodyLimit: WORKBOOK_LIMIT }, (_req, body, done) => done(null, body));
    typed.post('/api/schemes/:family/:year/import', { schema: ImportWorkbook, bodyLimit: WORKBOOK_LIMIT }, async (req, reply) => {
      const { family, year } = req.params;
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        return sendError(reply, 400, { error: 'bad-body', message: '请上传 .xlsx 工作簿（请求内容为空）。', messageEn: 'Upload the .xlsx workbook as the request body.' });
      }
      const s = await loadScheme(reply, lib, engine, family, year);
      if (!s) return reply;
      const r = await importWorkbook(s.scheme, body, s.compiled);
      void reply.header('Cache-Control', 'no-store');
      return { cases: r.cases.map((c) => ({ doc: c.doc, issues: c.issues })), problems: r.problems };
    });
  });

  const report = (kind: 'docx' | 'xlsx') =>
    app.get(`/api/families/:family/cases/:year/:caseId/report.${kind}`, { schema: GetReport }, async (req, reply) => {
      const { family, year, caseId } = req.params;
      const stored = await readCaseOrReply(lib, { kind: 'case', family, year: Number(year), caseId }, reply);
      if (!stored) return reply;
      const up = readable(engine, 'case', stored.doc);
      if (!up.ok) return sendFormatRefusal(reply, up.issues);
      const format = errorsOf(engine.validateCase(up.doc));
      if (format.length) return sendError(reply, 422, { error: 'invalid-case', message: `案例 ${caseId} 格式有误，无法出表。`, messageEn: `Case ${caseId} is not a valid case document.`, issues: format });
      const doc = up.doc as CaseDoc;
      // the scheme the case names: its year's document of this family, which must carry the same id
      const s = await loadScheme(reply, lib, engine, family, String(doc.scheme.year));
      if (!s) return reply;
      if (s.scheme.id !== doc.scheme.id) {
        return sendError(reply, 422, { error: 'scheme-mismatch', message: `案例指明的方案 ${doc.scheme.id} 与方案族 ${family} 的方案 ${s.scheme.id} 不同。`, messageEn: `The case names scheme ${doc.scheme.id}, but family ${family} holds ${s.scheme.id}.` });
      }
      const r = engine.evaluate(s.compiled, doc);
      if (!r.ok) return sendError(reply, 422, { error: 'cannot-score', message: `案例 ${caseId} 无法计分：${r.issues[0]?.message ?? ''}`, messageEn: `Case ${caseId} cannot be scored: ${r.issues[0]?.messageEn ?? ''}`, issues: r.issues });
      const scored = { doc, sheet: r.sheet };
      const name = reportFileName(s.scheme.inputs.some((i) => i.type === 'rows') ? 'project' : 'department', doc, kind);
      return kind === 'docx' ? download(reply, DOCX_TYPE, name, await reportDocx(s.scheme, scored)) : download(reply, XLSX_TYPE, name, await xlsxBytes(reportWorkbook(s.scheme, scored)));
    });
  report('docx');
  report('xlsx');
}
