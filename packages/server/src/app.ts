/**
 * The HTTP application (no listening here): `buildApp(options)` returns a Fastify instance that
 * serves the built editor and the JSON API under `/api/` over a schemes folder. `main.ts` listens;
 * tests call `buildApp` and `listen({ port: 0 })` or `inject`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { SchemeStore } from './store/scheme-store.ts';
import { CaseStore } from './store/case-store.ts';
import { requestGuard } from './security/request-guard.ts';
import { errorHandler } from './http-errors.ts';
import { registerStatic } from './static-files.ts';
import { schemeRoutes } from './routes/schemes.ts';
import { caseRoutes } from './routes/cases.ts';
import { engineRoutes } from './routes/engine.ts';
import type { EnginePort } from './engine-port.ts';

/** Largest accepted request body: 4 MiB (a scheme is ~100 KB; a scheme plus a case well under 1 MB). */
export const BODY_LIMIT = 4 * 1024 * 1024;

export interface AppOptions {
  /** Absolute path of the schemes folder (the store). */
  schemesDir: string;
  /** Absolute path of the built editor (packages/editor/dist); omitted → API only. */
  staticDir?: string;
  /** The engine (`import * as engine from '@jixiao/engine'`). */
  engine: EnginePort;
  /** Fastify logger setting (default off). */
  logger?: boolean | { level: string };
  bodyLimit?: number;
}

/** Builds the application; await `ready()` or `listen()` on the result. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? BODY_LIMIT });
  app.addHook('onRequest', requestGuard);
  app.setErrorHandler(errorHandler);
  schemeRoutes(app, new SchemeStore(opts.schemesDir), opts.engine);
  caseRoutes(app, new CaseStore(opts.schemesDir));
  engineRoutes(app, opts.engine);
  await registerStatic(app, opts.staticDir);
  return app;
}
