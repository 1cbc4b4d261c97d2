/**
 * The HTTP application (no listening here): `buildApp(options)` returns a Fastify instance that
 * serves the built editor and the JSON API under `/api/` over the store (`@jixiao/store`: SQLite by
 * default, PostgreSQL for a bureau's server). On a store that holds no document yet, the schemes
 * folder (`schemesDir`, the bundled `schemes/` by default) is imported first, so a first start has
 * the bundled schemes and cases. `main.ts` listens; tests call `buildApp` and `inject` or `listen({ port: 0 })`.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { fillIfEmpty, openStore, resolveAuthor, type DocumentStore, type ImportReport } from '@jixiao/store';
import { Library, importProblems } from './store/library.ts';
import { requestGuard } from './security/request-guard.ts';
import { localActor } from './security/actor.ts';
import { securityPlugin, type SecurityOptions } from './security/plugin.ts';
import { caseReader } from './security/case-reader.ts';
import { errorHandler } from './http-errors.ts';
import { MAX_URL_NAME_LENGTH } from './validation-errors.ts';
import { registerJsonBody } from './json-body.ts';
import { registerStatic } from './static-files.ts';
import { schemeRoutes } from './routes/schemes.ts';
import { caseRoutes } from './routes/cases.ts';
import { engineRoutes } from './routes/engine.ts';
import { versionRoutes } from './routes/versions.ts';
import { officeRoutes } from './routes/office.ts';
import type { EnginePort } from './engine-port.ts';

/** Largest accepted request body: 4 MiB (a scheme is ~100 KB; a scheme plus a case well under 1 MB). */
export const BODY_LIMIT = 4 * 1024 * 1024;

export interface AppOptions {
  /**
   * The schemes folder (`<family>/<year>.json`, `<family>/cases/<year>/<case>.json`) imported into a
   * store that holds no document yet; omitted → nothing is imported.
   */
  schemesDir?: string;
  /**
   * The store: an open `DocumentStore` (left open when the app closes), or the `--database` value (a
   * `postgres://` URL or a SQLite file; omitted → `JIXIAO_DATABASE`, else `<data folder>/jixiao.sqlite`),
   * opened here and closed with the app.
   */
  store?: DocumentStore;
  database?: string;
  /** Absolute path of the built editor (packages/editor/dist); omitted → API only. */
  staticDir?: string;
  /** The engine (`import * as engine from '@jixiao/engine'`). */
  engine: EnginePort;
  /** Fastify logger setting (default off). */
  logger?: boolean | { level: string };
  bodyLimit?: number;
  /**
   * The name of the local user (`req.actor` when no one is signed in), recorded as the author of every
   * write. Default: the store's lookup (JIXIAO_AUTHOR, jixiao.config.json in the schemes folder or above,
   * git user.name, the system user), made once.
   */
  author?: string;
  /** Accounts and roles (security/plugin.ts): default `{ mode: 'local' }` (127.0.0.1, no login; the local user named by `author`). */
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

/** What the first start imported (null when the store already had documents). */
export interface StartReport {
  /** The database, for people (a file, or a URL without its password). */
  description: string;
  /** The store the app serves (for tests and tools; closed with the app when the app opened it). */
  store: DocumentStore;
  imported: ImportReport | null;
}

/**
 * Builds the application (opening the store and filling it on first start); await `ready()` or
 * `listen()` on the result. `app.jixiao` tells which database it uses and what was imported.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance & { jixiao: StartReport }> {
  const owned = !opts.store;
  const store = opts.store ?? (await openStore({ database: opts.database }));
  let author = opts.author;
  const localName = () => (author ??= resolveAuthor(opts.schemesDir ? { cwd: opts.schemesDir } : {}));
  let imported: ImportReport | null;
  try {
    imported = opts.schemesDir ? await fillIfEmpty(store, opts.schemesDir, { author: localName() }) : null;
  } catch (e) {
    if (owned) await store.close();
    throw e;
  }
  const lib = new Library(store, importProblems(imported));

  const app: App = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? BODY_LIMIT,
    ajv: { customOptions: AJV_OPTIONS },
    // the route schemas limit each name (a case id: 120 characters) and say so; the router only refuses the absurd.
    // Under routerOptions: as a top-level option Fastify 5 prints the English deprecation FSTDEP022 at every start
    routerOptions: { maxParamLength: MAX_URL_NAME_LENGTH },
    // refusals before any route (a name over that, a URL that cannot be decoded) in the server's words too
    frameworkErrors: (err, req, reply) => void errorHandler(err, req, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Response schemas type the handlers (and tests check replies against them); replies are written as
  // they are, never filtered through the schema, so nothing the engine returns is silently dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRequest', requestGuard);
  app.setErrorHandler(errorHandler);
  registerJsonBody(app);
  // who (req.actor, the author of every write) and what they may do; the plugin reads a case from the store for its checks
  const given: SecurityOptions = opts.security ?? { mode: 'local' };
  const security: SecurityOptions = given.mode === 'local' && !given.localUser ? { ...given, localUser: localActor(localName()) } : given;
  const readCase = caseReader({
    // a deleted case too (its tombstone): its history and a new create are checked against its department like any case
    read: async (family, year, caseId) => {
      const ref = { kind: 'case', family, year: Number(year), caseId } as const;
      const stored = (await lib.read(ref)) ?? (await lib.readDeleted(ref));
      return stored ? { ok: true, doc: stored.doc } : null;
    },
  });
  await app.register(securityPlugin, { ...security, readCase });
  schemeRoutes(app, lib, opts.engine);
  versionRoutes(app, lib, opts.engine);
  caseRoutes(app, lib, opts.engine);
  engineRoutes(app, opts.engine);
  officeRoutes(app, lib, opts.engine);
  await registerStatic(app, opts.staticDir);
  if (owned) app.addHook('onClose', async () => store.close());
  return Object.assign(app, { jixiao: { description: store.description, store, imported } });
}
