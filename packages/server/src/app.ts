/**
 * The HTTP application (no listening here): `buildApp(options)` returns a Fastify instance that
 * serves the built editor and the JSON API under `/api/` over a schemes folder. `main.ts` listens;
 * tests call `buildApp` and `listen({ port: 0 })` or `inject`.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SchemeStore } from './store/scheme-store.ts';
import { CaseStore } from './store/case-store.ts';
import { requestGuard } from './security/request-guard.ts';
import { securityPlugin, type SecurityOptions } from './security/plugin.ts';
import { caseReader } from './security/case-reader.ts';
import { errorHandler } from './http-errors.ts';
import { registerJsonBody } from './json-body.ts';
import { registerStatic } from './static-files.ts';
import { schemeRoutes } from './routes/schemes.ts';
import { caseRoutes } from './routes/cases.ts';
import { engineRoutes } from './routes/engine.ts';
import { versionRoutes } from './routes/versions.ts';
import { resolveAuthor } from '@jixiao/store';
import { authorHook, requestAuthor } from './request-author.ts';
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
   * Author recorded in the history of a write whose request names none (the editor sends the name its
   * user gave as `X-Jixiao-Author`, request-author.ts). Default: the store's lookup (JIXIAO_AUTHOR,
   * jixiao.config.json in the schemes folder or above, git user.name, the system user), made once.
   */
  author?: string;
  /** Accounts and roles (security/plugin.ts): default `{ mode: 'local' }` (127.0.0.1, no login). */
  security?: SecurityOptions;
}

/** The application as the routes see it: request types inferred from the TypeBox route schemas of `@jixiao/api`. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * Options of fastify's ajv for the route schemas: request bodies are documents, so validation never
 * changes them (no type coercion, no removed properties, no defaults filled in); `verbose` gives each
 * error its schema, whose Chinese `title`/`description` make the message (validation-errors.ts).
 * `validateSchema: false`: the route schemas are the TypeBox declarations of @jixiao/api (typed, and tested
 * there), so ajv need not first compile the JSON Schema meta-schema to check them — ~0.35 s of every start.
 */
const AJV_OPTIONS = { coerceTypes: false, removeAdditional: false, useDefaults: false, verbose: true, validateSchema: false } as const;

/** Builds the application; await `ready()` or `listen()` on the result. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app: App = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? BODY_LIMIT, ajv: { customOptions: AJV_OPTIONS } }).withTypeProvider<TypeBoxTypeProvider>();
  // Response schemas type the handlers (and tests check replies against them); replies are written as
  // they are, never filtered through the schema, so nothing the engine returns is silently dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRequest', requestGuard);
  app.setErrorHandler(errorHandler);
  registerJsonBody(app);
  let author = opts.author;
  // the name the editor's user gave (X-Jixiao-Author) before the server's own lookup
  app.addHook('onRequest', authorHook);
  const schemes = new SchemeStore(opts.schemesDir, () => requestAuthor() ?? (author ??= resolveAuthor({ cwd: opts.schemesDir })));
  const cases = new CaseStore(opts.schemesDir);
  await app.register(securityPlugin, { ...(opts.security ?? { mode: 'local' }), readCase: caseReader(cases) });
  schemeRoutes(app, schemes, opts.engine);
  versionRoutes(app, schemes, cases, opts.engine);
  caseRoutes(app, cases);
  engineRoutes(app, opts.engine);
  await registerStatic(app, opts.staticDir);
  return app;
}
