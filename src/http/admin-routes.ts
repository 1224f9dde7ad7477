import { Hono } from 'hono';
import type { Fixtures, Store } from '../store/index.js';
import { FixtureError, mergeFixtureDocument } from '../store/index.js';
import { isReportFormat, renderReport, REPORT_FORMATS, summariseVendorCoverage, type ContractRecorder } from '../contract/index.js';
import { createRequestRoutes } from './admin-request-routes.js';
import { createDashboardRoutes } from './dashboard-routes.js';
import { readBody } from './read-body.js';

export interface AdminOptions {
  store: Store;
  fixtures: Fixtures;
  /** Mounted vendor ids: a reset or fixture for another vendor is a 400. */
  vendors: string[];
  /** The journal and report collector; without it no `/journal` and `/report` routes. */
  contract?: ContractRecorder;
  /** Coverage a report requires unless the query names one. */
  requireCoverage?: number;
  /** Restarts the seeded draws (faked answers, scenario rules): a full reset answers like a fresh start. */
  reseed?: () => void;
}

const problem = (message: string) => ({ error: message });

/** A query value that must be a whole number from `min`; `undefined` when absent, `null` when malformed. */
function wholeNumber(value: string | undefined, min: number): number | null | undefined {
  if (value === undefined) return undefined;
  return /^\d{1,15}$/.test(value) && Number(value) >= min ? Number(value) : null;
}

/**
 * The admin API under `/__admin`: reset, state dump, fixtures at run time, the journal, the contract report and the dashboard (`/ui`).
 * A posted body is held to `maxBodyBytes`, like a vendor's, so no request can make the process buffer more.
 */
export function createAdminRoutes({ store, fixtures, vendors, contract, requireCoverage, reseed }: AdminOptions, maxBodyBytes: number): Hono {
  const admin = new Hono();

  admin.route('/', createDashboardRoutes());

  admin.post('/reset', async (c) => {
    const vendor = c.req.query('vendor');
    const tenant = c.req.query('tenant');
    if (vendor !== undefined && !vendors.includes(vendor)) return c.json(problem(`unknown vendor '${vendor}'; mounted: ${vendors.join(', ')}`), 400);
    if (tenant !== undefined && vendor === undefined) return c.json(problem('tenant needs vendor: /__admin/reset?vendor=emporix&tenant=acme'), 400);
    await store.reset({ vendor, tenant });
    if (vendor === undefined) reseed?.();
    return c.json({ reset: { vendor: vendor ?? 'all', tenant: tenant ?? 'all' } });
  });

  admin.get('/state', (c) => c.json(store.dump()));

  admin.post('/fixtures', async (c) => {
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
    for (const [vendor, collections] of Object.entries(staged)) mergeFixtureDocument(fixtures, vendor, collections, `POST /__admin/fixtures ${vendor}`);
    return c.json({ loaded: Object.fromEntries(Object.entries(staged).map(([vendor, collections]) => [vendor, Object.fromEntries(Object.entries(collections).map(([name, records]) => [name, records.length]))])) });
  });

  if (contract !== undefined) {
    admin.get('/journal', (c) => {
      const violations = c.req.query('violations');
      if (violations !== undefined && violations !== 'true' && violations !== 'false') return c.json(problem(`violations must be true or false, not '${violations}'`), 400);
      // `since` and `limit` let the dashboard poll for what is new without fetching the whole journal each time.
      const since = wholeNumber(c.req.query('since'), 0);
      if (since === null) return c.json(problem(`since must be a sequence number (0 or more), not '${c.req.query('since')}'`), 400);
      const limit = wholeNumber(c.req.query('limit'), 1);
      if (limit === null) return c.json(problem(`limit must be a whole number of at least 1, not '${c.req.query('limit')}'`), 400);
      const matching = contract.journal.list({ client: c.req.query('client'), vendor: c.req.query('vendor'), operationId: c.req.query('operation'), violationsOnly: violations === 'true' });
      const newer = since === undefined ? matching : matching.filter((entry) => entry.seq > since);
      const entries = limit === undefined ? newer : newer.slice(-limit);
      return c.json({ entries, dropped: contract.journal.dropped() });
    });

    admin.route('/requests', createRequestRoutes(contract, maxBodyBytes));

    admin.get('/vendors', (c) => c.json({ vendors: vendors.map((vendor) => summariseVendorCoverage(contract, vendor)) }));

    admin.delete('/journal', async (c) => {
      await contract.clear();
      return c.json({ cleared: true });
    });

    admin.get('/report', (c) => {
      const format = c.req.query('format') ?? 'json';
      if (!isReportFormat(format)) return c.json(problem(`format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`), 400);
      const coverage = c.req.query('requireCoverage');
      if (coverage !== undefined && !(/^\d+(\.\d+)?$/.test(coverage) && Number(coverage) <= 100)) return c.json(problem(`requireCoverage must be a percentage from 0 to 100, not '${coverage}'`), 400);
      const report = contract.collector.build({ client: c.req.query('client'), vendor: c.req.query('vendor'), requireCoverage: coverage === undefined ? requireCoverage : Number(coverage), specBaseUrl: new URL(c.req.url).origin });
      const { contentType, body } = renderReport(report, format);
      return c.body(body, 200, { 'content-type': contentType });
    });
  }

  return admin;
}
