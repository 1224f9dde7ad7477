import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Fixtures, Store } from '../store/index.js';
import { FixtureError, mergeFixtureDocument } from '../store/index.js';
import { FAIL_ON_LEVELS, isFailOn, isReportFormat, renderReport, REPORT_FORMATS, summariseVendorCoverage, type ContractRecorder, type FailOn } from '../contract/index.js';
import type { RuleRegistry } from '../core/rule-registry.js';
import { createRequestRoutes } from './admin-request-routes.js';
import { createDashboardRoutes } from './dashboard-routes.js';
import { readBody } from './read-body.js';
import { checkAdminQuery, nameRule, oneOfRule, wholeNumberRule, type QueryRule } from './admin-query.js';

export interface AdminOptions {
  store: Store;
  fixtures: Fixtures;
  /** Mounted vendor ids: a reset or fixture for another vendor is a 400. */
  vendors: string[];
  /** The journal and report collector; without it no `/journal` and `/report` routes. */
  contract?: ContractRecorder;
  /** Coverage a report requires unless the query names one. */
  requireCoverage?: number;
  /** The lowest finding level that fails a report's verdict unless the query names one (default `violation`). */
  failOn?: FailOn;
  /** Restarts the seeded draws (faked answers, scenario rules): a full reset answers like a fresh start. */
  reseed?: () => void;
}

const problem = (message: string) => ({ error: message });

/** A percentage from 0 to 100 (`requireCoverage`). */
const percentageRule: QueryRule = (name, value) =>
  /^\d{1,3}(\.\d{1,6})?$/.test(value) && Number(value) <= 100 ? undefined : `${name} must be a percentage from 0 to 100, not '${value.slice(0, 64)}'`;

/** The number a checked query value holds, when given. */
const numberOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/**
 * The admin API under `/__admin`: reset, state dump, fixtures at run time, the rules findings name, the journal, the
 * contract report and the dashboard (`/ui`). A posted body is held to `maxBodyBytes`, like a vendor's, so no request
 * can make the process buffer more.
 */
export function createAdminRoutes({ store, fixtures, vendors, contract, requireCoverage, failOn, reseed }: AdminOptions, maxBodyBytes: number, rules: RuleRegistry): Hono {
  const admin = new Hono();
  const vendorRule = oneOfRule(vendors, 'a mounted vendor:');
  /** Checks the query against the route's rules first: a bad value is a 400 naming it, never a 500 further down. */
  const query = (rules: Readonly<Record<string, QueryRule>>) =>
    createMiddleware(async (c, next) => {
      const problem = checkAdminQuery(c.req.url, rules);
      if (problem !== undefined) return c.json({ error: problem }, 400);
      await next();
    });

  admin.route('/', createDashboardRoutes());

  admin.post('/reset', query({ vendor: vendorRule, tenant: nameRule }), async (c) => {
    const vendor = c.req.query('vendor');
    const tenant = c.req.query('tenant');
    if (tenant !== undefined && vendor === undefined) return c.json(problem('tenant needs vendor: /__admin/reset?vendor=emporix&tenant=acme'), 400);
    await store.reset({ vendor, tenant });
    if (vendor === undefined) reseed?.();
    return c.json({ reset: { vendor: vendor ?? 'all', tenant: tenant ?? 'all' } });
  });

  admin.get('/state', query({}), (c) => c.json(store.dump()));

  // The engine's rules (vendor `*`) once, then each mounted vendor's; `vendor` keeps the engine's and that vendor's.
  admin.get('/rules', query({ vendor: vendorRule }), (c) => c.json(rules.list(c.req.query('vendor'))));

  admin.post('/fixtures', query({}), async (c) => {
    const read = await readBody(c.req.raw, maxBodyBytes);
    if (read.kind === 'aborted') return c.body(null, 400);
    if (read.kind === 'too-large') return c.json(problem(`the body is larger than the server's limit of ${maxBodyBytes} bytes (--max-body)`), 413);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(read.bytes));
    } catch {
      return c.json(problem('the body must be JSON: { "<vendor>": { "<collection>": [records] } }'), 400);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return c.json(problem('the body must be a map from vendor id to fixture collections'), 400);
    const unknown = Object.keys(body).filter((vendor) => !vendors.includes(vendor));
    if (unknown.length > 0) return c.json(problem(`unknown vendor '${unknown.join(', ')}'; mounted: ${vendors.join(', ')}`), 400);
    // Check everything before changing anything: a bad part leaves the fixtures as they were.
    const staged: Fixtures = {};
    try {
      for (const [vendor, document] of Object.entries(body)) mergeFixtureDocument(staged, vendor, document, `POST /__admin/fixtures ${vendor}`);
    } catch (error) {
      if (error instanceof FixtureError) return c.json(problem(error.message), 400);
      throw error;
    }
    // Replicas sharing a database share their fixtures: the database merges them, and every replica follows.
    if (store.sharedFixtures !== undefined) await store.sharedFixtures.add(staged);
    else for (const [vendor, collections] of Object.entries(staged)) mergeFixtureDocument(fixtures, vendor, collections, `POST /__admin/fixtures ${vendor}`);
    return c.json({
      loaded: Object.fromEntries(
        Object.entries(staged).map(([vendor, collections]) => [vendor, Object.fromEntries(Object.entries(collections).map(([name, records]) => [name, records.length]))]),
      ),
    });
  });

  if (contract !== undefined) {
    // `since` and `limit` let the dashboard poll for what is new without fetching the whole journal each time.
    const journalQuery = query({
      violations: oneOfRule(['true', 'false']),
      since: wholeNumberRule(0, 'a sequence number (0 or more)'),
      limit: wholeNumberRule(1, 'a whole number of at least 1'),
      client: nameRule,
      vendor: vendorRule,
      operation: nameRule,
    });
    admin.get('/journal', journalQuery, (c) => {
      const since = numberOf(c.req.query('since'));
      const limit = numberOf(c.req.query('limit'));
      const matching = contract.journal.list({
        client: c.req.query('client'),
        vendor: c.req.query('vendor'),
        operationId: c.req.query('operation'),
        violationsOnly: c.req.query('violations') === 'true',
      });
      const newer = since === undefined ? matching : matching.filter((entry) => entry.seq > since);
      const entries = limit === undefined ? newer : newer.slice(-limit);
      return c.json({ entries, dropped: contract.journal.dropped() });
    });

    admin.route('/requests', createRequestRoutes(contract, maxBodyBytes));

    admin.get('/vendors', query({}), (c) => c.json({ vendors: vendors.map((vendor) => summariseVendorCoverage(contract, vendor)) }));

    admin.delete('/journal', query({}), async (c) => {
      await contract.clear();
      return c.json({ cleared: true });
    });

    admin.get(
      '/report',
      query({ format: oneOfRule(REPORT_FORMATS), requireCoverage: percentageRule, client: nameRule, vendor: vendorRule, failOn: oneOfRule(FAIL_ON_LEVELS) }),
      (c) => {
        const format = c.req.query('format') ?? 'json';
        if (!isReportFormat(format)) return c.json(problem(`format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`), 400);
        const asked = c.req.query('failOn');
        const report = contract.collector.build({
          client: c.req.query('client'),
          vendor: c.req.query('vendor'),
          requireCoverage: numberOf(c.req.query('requireCoverage')) ?? requireCoverage,
          failOn: asked !== undefined && isFailOn(asked) ? asked : failOn,
          specBaseUrl: new URL(c.req.url).origin,
        });
        const { contentType, body } = renderReport(report, format);
        return c.body(body, 200, { 'content-type': contentType });
      },
    );
  }

  return admin;
}
