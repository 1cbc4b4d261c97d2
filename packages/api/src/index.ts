/**
 * @jixiao/api — the local server's JSON API, declared once with TypeBox: the request shapes are the
 * server's fastify route schemas (bodies, URL names and queries validated by the framework), and the
 * response shapes are the types the editor reads (`import type` only, so nothing of this reaches the
 * browser bundle but types). Every refusal answers `ErrorBody`: `{ error, message (中文), messageEn, issues? }`.
 */
export * from './common.ts';
export * from './history.ts';
export * from './schemes.ts';
export * from './versions.ts';
export * from './cases.ts';
export * from './engine.ts';
export * from './session.ts';
export * from './office.ts';
