import { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Config } from './config.js';
import type { Database } from './db/schema.js';
import { ping, type DatabaseHandle } from './db/database.js';
import { readGate } from './core/reads.js';
import type { AppEnv } from './core/context.js';
import { ApiError, envelope } from './core/errors.js';
import { errorResponse, jsonBody, methodMatcher, routeForLog } from './core/http.js';
import { createLogger, type Logger } from './core/log.js';
import { sha256 } from './core/ids.js';
import { createMailer, type Mailer } from './core/mail.js';
import { checkModules, uploadPathsOf, type ModuleManifest } from './core/module.js';
import { createStaffRouter } from './core/staff-router.js';
import { STAFF_BASE, contractDocument, routeKeys } from './core/openapi.js';
import { bodyLimits, type OpenApiLike } from './core/body-limits.js';
import { MODULES } from './modules.js';
import { staticRoutes } from './core/static.js';
import { compressPublicJson } from './core/compress.js';
import { docsPage } from './core/docs.js';
import { notModified } from './core/cache.js';

export interface AppDeps {
  db: Kysely<Database>;
  /** The database handle `db` came from: on PostgreSQL, public reads use its reads pool and can be cancelled. */
  handle?: DatabaseHandle;
  config: Config;
  log?: Logger;
  mailer?: Mailer;
  /** The modules to serve. Default: every module (`api/modules.ts`). */
  modules?: readonly ModuleManifest[];
}

/**
 * Builds the whole app: API, widgets, demo and embeds. Each module's public routes are mounted at
 * its base path (`/v1/<slug>`), and its staff sections on the one staff router at `/v1/admin`.
 * Tests pass a migrated database and call `app.request()`.
 */
export function createApp({ db, handle, config, log = createLogger(config.logLevel), mailer = createMailer(db, config, log), modules = MODULES }: AppDeps) {
  checkModules(modules);
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    c.set('mailer', mailer);
    c.set('modules', modules);
    c.set('ipHash', sha256(`${config.secret}:ip:${clientIp(c, config)}`).slice(0, 32));
    const reqLog = log.child({ requestId: c.get('requestId') });
    c.set('log', reqLog);
    const started = performance.now();
    await next();
    reqLog.info('request', { method: c.req.method, ...routeForLog(c), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });
  app.use(
    '*',
    secureHeaders({
      // Widgets and their API are meant to be used by other sites.
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      // Framing is decided per route: /embed follows ALLOWED_ORIGINS, the staff panel denies it.
      xFrameOptions: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      // HSTS only means something over HTTPS.
      strictTransportSecurity: config.publicUrl.startsWith('https://') ? 'max-age=15552000; includeSubDomains' : false,
    }),
  );

  // Public API: any site (or the configured ones), never with credentials. Staff routes get no CORS at all.
  const publicCors = cors({
    origin: config.allowedOrigins ?? '*',
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
    exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id'],
    maxAge: 600,
    credentials: false,
  });
  app.use('/v1/*', async (c, next) => (c.req.path.startsWith('/v1/admin') ? next() : publicCors(c, next)));
  // Each route's body limit as its schema implies (a long draft act), read from the document once every route is registered.
  let limits: ((method: string, path: string) => number | undefined) | undefined;
  app.use('/v1/*', jsonBody((method, path) => (limits ??= bodyLimits(openApi().document, config.bodyLimit))(method, path) ?? config.bodyLimit, uploadPathsOf(modules)));
  app.use('/v1/*', compressPublicJson(config));
  const reads = readGate(config, handle);
  app.use('/v1/*', reads.middleware);

  // Outside the read gate and on the main pool: it answers while public reads are refused, and says so.
  app.get('/healthz', async (c) => {
    try {
      await Promise.race([ping(db), new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 2000).unref?.())]);
      const r = reads.stats();
      return c.json({ status: r.saturated ? 'saturated' : 'ok', reads: r });
    } catch (err) {
      c.get('log').error('health check failed', { err: String(err) });
      return c.json(envelope('service_unavailable', 'Database unreachable'), 503);
    }
  });

  for (const m of modules) if (m.routes) app.route(m.basePath ?? `/v1/${m.slug}`, m.routes);
  app.route(STAFF_BASE, createStaffRouter(modules));
  const signIn = new Set(modules.flatMap((m) => (m.signIn ? routeKeys(STAFF_BASE, m.signIn) : [])));

  // The document is generated once, on first request, after every route is registered.
  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: 'WiP NGO widgets API',
      version: '1',
      description: [
        'Public and staff API behind the embeddable NGO widgets of Kraków. Errors come as `{ "error": { "code", "message", "details"? } }`.',
        'Staff sign in with `POST /v1/admin/session` (e-mail, password and, for accounts with TOTP, the code). The answer sets the session cookie (`cookieAuth`) and carries `csrfToken`, which every staff write sends back in the `X-CSRF-Token` header (`csrfHeader`). Staff routes answer only on the same origin (no CORS).',
      ].join('\n\n'),
    },
    servers: [{ url: config.publicUrl }],
  };
  let doc: { json: string; docs: string; version: string; document: OpenApiLike } | undefined;
  function openApi() {
    if (!doc) {
      const d = contractDocument(app.getOpenAPI31Document(docConfig), signIn);
      const json = JSON.stringify(d);
      doc = { json, docs: docsPage(d), version: sha256(json).slice(0, 16), document: d as OpenApiLike };
    }
    return doc;
  }
  app.get('/v1/openapi.json', (c) => notModified(c, openApi().version, 300) ?? c.body(openApi().json, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
  // The reference page runs no script at all, and is not framed.
  app.get('/docs', (c) => c.html(openApi().docs, 200, { 'Content-Security-Policy': "script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" }));

  app.route('/', staticRoutes(config));

  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowedMethods ??= methodMatcher(app.routes);
    const methods = allowedMethods(c.req.path);
    if (methods.length && !methods.includes(c.req.method)) {
      c.header('Allow', methods.join(', '));
      return c.json(envelope('method_not_allowed', `Method ${c.req.method} is not allowed here`, { allow: methods }, c.get('requestId')), 405);
    }
    return c.json(envelope('not_found', 'No such route', undefined, c.get('requestId')), 404);
  });
  app.onError((err, c) => errorResponse(err, c));
  return app;
}

export type App = ReturnType<typeof createApp>;

function clientIp(c: Context<AppEnv>, config: Config): string {
  if (config.trustProxy) {
    // The proxy appends the address it saw to whatever the client sent: the last hop is the one
    // the trusted proxy wrote, the earlier ones are the client's to choose.
    const fwd = c.req.header('x-forwarded-for');
    const hop = fwd?.split(',').at(-1)?.trim();
    if (hop) return hop;
  }
  try {
    return getConnInfo(c as unknown as Context).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export { ApiError };
