/**
 * The engine over HTTP (no scoring logic in the server):
 * - `POST /api/validate` body: any JSON document → `{ issues }`;
 * - `POST /api/score` body `{ scheme, case }` (or `{ scheme, facts, reviewer }`) → the score sheet.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ScoreSheet } from '@jixiao/engine';
import { Document, EngineOwned, ERRORS, IssueSchema } from './common.ts';

/** Any JSON: the engine says what is wrong with it. */
export const ValidateBody = Type.Unknown({ title: '方案文档' });

export const ValidateResponse = Type.Object({ issues: Type.Array(IssueSchema) }, { additionalProperties: false });
export type ValidateResponse = Static<typeof ValidateResponse>;

export const ScoreBody = Type.Object(
  {
    scheme: Type.Unknown({ title: '方案 scheme', description: '方案文档' }),
    case: Type.Optional(Document('案例 case', '案例文档，JSON 对象')),
    facts: Type.Optional(Document('事实 facts', '事实编号 → 数值的 JSON 对象')),
    reviewer: Type.Optional(Document('评审录入 reviewer', '指标编号 → 评审得分的 JSON 对象')),
  },
  { title: '计分请求', description: '含 scheme（方案）和 case（案例）或 facts（事实）' },
);
export type ScoreBody = Static<typeof ScoreBody>;

/** The engine's score sheet (as JSON: decimal strings) and the scheme's warnings. */
export const ScoreResponse = Type.Object({ ok: Type.Literal(true), sheet: EngineOwned<ScoreSheet>(), warnings: Type.Array(IssueSchema) }, { additionalProperties: false });
export type ScoreResponse = Static<typeof ScoreResponse>;

/** Route schemas (fastify `schema`). */
export const Validate = { body: ValidateBody, response: { 200: ValidateResponse, ...ERRORS } } as const;
export const Score = { body: ScoreBody, response: { 200: ScoreResponse, ...ERRORS } } as const;
