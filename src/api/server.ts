// The HTTP API and the dashboard, in one fastify server over a Store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { ROOT } from '../paths.js';
import type { Store } from '../store/store.js';
import { Guard, isLoopback } from './auth.js';
import { AggregateCache } from './cache.js';
import { installErrorHandlers } from './errors.js';
import { openApiDocument } from './openapi.js';
import { Routes, type ApiContext } from './route.js';
import { analysisRoutes } from './routes/analysis.js';
import { documentRoutes, rawUploadParsers, uploadRoute, type UploadIngester } from './routes/documents.js';
import { exportRoutes } from './routes/export.js';
import { incidentRoutes } from './routes/incidents.js';
import { dashboardRoutes } from './static.js';
import { openTokenStore, type TokenStore } from './tokens.js';

export interface ServerOptions {
  /** The address the server will listen on: writes need tokens unless it is a loopback address. */
  host?: string;
  /** Token hashes, needed for writes when `host` is not loopback. */
  tokens?: TokenStore;
  /** Demand tokens for writes even on loopback: set it when a reverse proxy forwards to a loopback port. */
  requireTokens?: boolean;
  /** Recorded in the audit trail for local (loopback, token-less) writes. Default: $USER or "local". */
  localUser?: string;
  logger?: boolean;
  /** The built dashboard (default web/dist). */
  webDir?: string;
  /** How long stats, timeline and map points are reused (ms; 0: never). Default 30 s. Writes through the API clear them. */
  aggregateTtlMs?: number;
  /** Replaces the read → extract → store pipeline of uploads (tests). */
  ingest?: UploadIngester;
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export async function buildServer(store: Store, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024 });
  const guard = new Guard({ host: opts.host ?? '127.0.0.1', tokens: opts.tokens, requireTokens: opts.requireTokens, localUser: opts.localUser ?? process.env.USER ?? 'local' });
  const aggregates = new AggregateCache(opts.aggregateTtlMs ?? 30_000);
  const ctx: ApiContext = { store, guard, aggregates };
  installErrorHandlers(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
    return payload;
  });

  const routes = new Routes(app, guard, [], () => aggregates.clear());
  incidentRoutes(routes, ctx);
  documentRoutes(routes, ctx);
  analysisRoutes(routes, ctx);
  exportRoutes(routes, ctx);
  await app.register(async (scope) => {
    rawUploadParsers(scope);
    uploadRoute(routes.within(scope), ctx, opts.ingest);
  });
  let openapi: unknown = null;
  app.get('/api/openapi.json', async () => (openapi ??= openApiDocument(routes.list, VERSION)));
  dashboardRoutes(app, opts.webDir);
  await app.ready();
  return app;
}

export interface ServeOptions {
  store: Store;
  port?: number;
  host?: string;
  /** The store's location (SQLite file or PostgreSQL URL), where the api_tokens table lives. */
  location?: string;
  tokens?: TokenStore;
  logger?: boolean;
  aggregateTtlMs?: number;
  requireTokens?: boolean;
}

/** `vigil serve`: listens and returns the server and its URL. Binding beyond loopback needs tokens. */
export async function serve(opts: ServeOptions): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  // The token table lives in the store's database: the given location, or the SQLite store's own file.
  const sqlitePath = (opts.store as { path?: unknown }).path;
  const location = opts.location ?? (opts.store.kind === 'sqlite' && typeof sqlitePath === 'string' && sqlitePath !== ':memory:' ? sqlitePath : undefined);
  const tokens = opts.tokens ?? (location ? await openTokenStore(location) : undefined);
  const app = await buildServer(opts.store, { host, tokens, requireTokens: opts.requireTokens, logger: opts.logger, aggregateTtlMs: opts.aggregateTtlMs });
  if ((opts.requireTokens || !isLoopback(host)) && !tokens) {
    await app.close();
    throw new Error(`vigil: serving on ${host} needs API tokens; pass the store location (and create tokens with \`vigil token create\`)`);
  }
  const address = await app.listen({ port: opts.port ?? 8080, host });
  return {
    app,
    url: address,
    async close() {
      await app.close();
      if (!opts.tokens) await tokens?.close();
    },
  };
}


