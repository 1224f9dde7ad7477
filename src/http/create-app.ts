import { CORE_RULES, ENGINE_RULES } from '../core/core-rules.js';
import { createRuleRegistry } from '../core/rule-registry.js';
import { Hono, type Context } from 'hono';
import type { HttpRequest, HttpResponse } from '../core/http.js';
import type { Exchange, VendorEngine } from '../engine/create-vendor-engine.js';
import type { Delivery } from '../contract/to-journal-entry.js';
import { injectFault, malformedResponse, sleep } from './inject-fault.js';
import { readBody } from './read-body.js';
import { createAdminRoutes, type AdminOptions } from './admin-routes.js';
import { adminGuard } from './admin-guard.js';
import { createAdminMetaRoutes } from './admin-meta-routes.js';
import { crossOrigin } from './cross-origin.js';
import { StoreUnavailableError, StoreWriteError } from '../store/index.js';

export interface AppOptions {
  engines: VendorEngine[];
  /** Largest request body accepted, in bytes; larger ones get the vendor's 413. */
  maxBodyBytes: number;
  /**
   * Called with every exchange once its answer (or fault) is about to leave, after any injected delay (journal, logs);
   * the answer waits for a promise it returns (a journal shared by replicas, written first).
   */
  onExchange?: (exchange: Exchange, delivery: Delivery) => Promise<void> | undefined;
  /** Called with a request under no vendor's prefix (answered 404), for the unmatched-requests list. */
  onUnrouted?: (request: HttpRequest) => void;
  /** The admin API's dependencies; without them no `/__admin` routes are mounted. */
  admin?: AdminOptions;
  /** When set, every `/__admin` request must present this token. */
  adminToken?: string;
  /** Brings the store (for `admin` also the shared journal) up to date before a request is handled: replicas sharing a database. */
  refresh?: (scope: 'vendor' | 'admin') => Promise<void>;
}

/** Default request body limit: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function toHttpRequest(c: Context, prefix: string, body: Uint8Array | undefined): HttpRequest {
  const url = new URL(c.req.url);
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { method: c.req.method.toUpperCase(), baseUrl: `${url.origin}${prefix}`, path: url.pathname.slice(prefix.length) || '/', query: url.search.slice(1), headers, body };
}

function toResponse(response: HttpResponse): Response {
  return new Response(response.body ?? null, { status: response.status, headers: response.headers });
}

/** Builds the Hono app: every vendor under its prefix, CORS for browser clients and one error boundary. */
export function createApp({ engines, maxBodyBytes, onExchange, onUnrouted, admin, adminToken, refresh }: AppOptions): Hono {
  const app = new Hono();
  app.use('*', crossOrigin());

  app.get('/', (c) =>
    c.json({
      name: 'returns-mock',
      vendors: engines.map((engine) => ({ id: engine.plugin.id, title: engine.plugin.title, prefix: engine.plugin.prefix, operations: engine.operations.length })),
    }),
  );

  if (admin !== undefined) {
    app.use('/__admin', adminGuard(adminToken));
    app.use('/__admin/*', adminGuard(adminToken));
    if (refresh !== undefined) app.use('/__admin/*', async (_c, next) => (await refresh('admin'), next()));
    app.route(
      '/__admin',
      createAdminMetaRoutes(engines.map((engine) => ({ id: engine.plugin.id, title: engine.plugin.title, prefix: engine.plugin.prefix, operations: engine.operations.length }))),
    );
    app.route('/__admin', createAdminRoutes(admin, maxBodyBytes, createRuleRegistry([...ENGINE_RULES, ...engines.flatMap((engine) => engine.plugin.rules ?? [])])));
  }

  for (const engine of engines) {
    const { prefix } = engine.plugin;
    app.get(`${prefix}/openapi.yaml`, (c) => c.body(engine.spec.source, 200, { 'content-type': 'application/yaml; charset=utf-8' }));
    app.get(`${prefix}/openapi.json`, (c) => c.json(engine.spec.doc));
    const handle = async (c: Context) => {
      await refresh?.('vendor');
      const started = performance.now();
      const body = await readBody(c.req.raw, maxBodyBytes);
      if (body.kind === 'aborted') return c.body(null, 400);
      const request = toHttpRequest(c, prefix, body.kind === 'body' ? body.bytes : undefined);
      if (body.kind === 'too-large') request.bodyTooLarge = { limit: maxBodyBytes };
      const exchange = await engine.handle(request);
      const { delayMs, fault } = exchange.scenario ?? {};
      if (delayMs !== undefined && delayMs > 0) await sleep(delayMs, c.req.raw.signal);
      // Journalled as the client gets it: a cut body for `malformed`, nothing for `reset` and `timeout` (recorded as the hold starts).
      const sent = fault === undefined ? exchange.response : fault === 'malformed' ? malformedResponse(exchange.response) : undefined;
      await onExchange?.(exchange, { outcome: fault ?? 'answered', durationMs: performance.now() - started, ...(sent === undefined ? {} : { response: sent }) });
      return fault === undefined ? toResponse(exchange.response) : injectFault(c, fault, exchange.response);
    };
    app.all(prefix, handle);
    app.all(`${prefix}/*`, handle);
  }

  app.notFound((c) => {
    const pathname = new URL(c.req.url).pathname;
    // The body is not read: the unmatched list needs the method, path and headers, and an unread body costs nothing.
    if (onUnrouted !== undefined && pathname !== '/__admin' && !pathname.startsWith('/__admin/')) onUnrouted(toHttpRequest(c, '', undefined));
    return c.json({ message: `No vendor is mounted at ${pathname}`, vendors: engines.map((e) => e.plugin.prefix) }, 404);
  });

  // The one error boundary: anything unexpected is logged and answered as a 500 in the vendor's shape. A store that
  // cannot write (disk full, read-only) or reach its database is no bug of the mock: a 503 says so, and nothing was acknowledged.
  app.onError((error, c) => {
    const unwritable = error instanceof StoreWriteError || error instanceof StoreUnavailableError;
    if (unwritable) console.error(`[returns-mock] ${error.message}`);
    else console.error('[returns-mock] unexpected error:', error);
    const status = unwritable ? 503 : 500;
    const message = unwritable ? error.message : 'internal error in returns-mock';
    const pathname = new URL(c.req.url).pathname;
    const engine = engines.find((e) => pathname === e.plugin.prefix || pathname.startsWith(`${e.plugin.prefix}/`));
    if (engine === undefined) return c.json({ message: unwritable ? message : 'Internal error in returns-mock' }, status);
    const code = unwritable ? CORE_RULES.storeUnwritable.code : CORE_RULES.internalError.code;
    return toResponse(engine.renderProblem(status, [{ code, location: 'response', pointer: '', message, specPointer: '', operationId: '' }], c.req.header('accept')));
  });
  return app;
}
