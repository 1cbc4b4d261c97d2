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
import { versionRoutes } from './routes/versions.ts';
import { resolveAuthor } from '@jixiao/store';
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
  /**
   * Author recorded in the history of every write. Default: the store's lookup (JIXIAO_AUTHOR,
   * jixiao.config.json in the schemes folder or above, git user.name, the system user), made once.
   */
  author?: string;
}

/** Builds the application; await `ready()` or `listen()` on the result. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? BODY_LIMIT });
  app.addHook('onRequest', requestGuard);
  app.setErrorHandler(errorHandler);
  let author = opts.author;
  const schemes = new SchemeStore(opts.schemesDir, () => (author ??= resolveAuthor({ cwd: opts.schemesDir })));
  const cases = new CaseStore(opts.schemesDir);
  schemeRoutes(app, schemes, opts.engine);
  versionRoutes(app, schemes, cases, opts.engine);
  caseRoutes(app, cases);
  engineRoutes(app, opts.engine);
  await registerStatic(app, opts.staticDir);
  return app;
}
