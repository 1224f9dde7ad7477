import { Hono } from 'hono';
import type { Fixtures, Store } from '../store/index.js';
import { FixtureError, mergeFixtureDocument } from '../store/index.js';
import { isReportFormat, renderReport, REPORT_FORMATS, type ContractRecorder } from '../contract/index.js';

export interface AdminOptions {
  store: Store;
  fixtures: Fixtures;
  /** Mounted vendor ids: a reset or fixture for another vendor is a 400. */
  vendors: string[];
  /** The journal and report collector; without it no `/journal` and `/report` routes. */
  contract?: ContractRecorder;
  /** Coverage a report requires unless the query names one. */
  requireCoverage?: number;
}

const problem = (message: string) => ({ error: message });

/** The admin API under `/__admin`: reset, state dump, fixtures at run time, the journal and the contract report. */
export function createAdminRoutes({ store, fixtures, vendors, contract, requireCoverage }: AdminOptions): Hono {
  const admin = new Hono();

  admin.post('/reset', async (c) => {
    const vendor = c.req.query('vendor');
    const tenant = c.req.query('tenant');
    if (vendor !== undefined && !vendors.includes(vendor)) return c.json(problem(`unknown vendor '${vendor}'; mounted: ${vendors.join(', ')}`), 400);
    if (tenant !== undefined && vendor === undefined) return c.json(problem('tenant needs vendor: /__admin/reset?vendor=emporix&tenant=acme'), 400);
    await store.reset({ vendor, tenant });
    return c.json({ reset: { vendor: vendor ?? 'all', tenant: tenant ?? 'all' } });
  });

  admin.get('/state', (c) => c.json(store.dump()));

  admin.post('/fixtures', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
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
      const entries = contract.journal.list({ client: c.req.query('client'), vendor: c.req.query('vendor'), operationId: c.req.query('operation'), violationsOnly: violations === 'true' });
      return c.json({ entries, dropped: contract.journal.dropped() });
    });

    admin.delete('/journal', (c) => {
      contract.clear();
      return c.json({ cleared: true });
    });

    admin.get('/report', (c) => {
      const format = c.req.query('format') ?? 'json';
      if (!isReportFormat(format)) return c.json(problem(`format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`), 400);
      const coverage = c.req.query('requireCoverage');
      if (coverage !== undefined && !(/^\d+(\.\d+)?$/.test(coverage) && Number(coverage) <= 100)) return c.json(problem(`requireCoverage must be a percentage from 0 to 100, not '${coverage}'`), 400);
      const report = contract.collector.build({ client: c.req.query('client'), vendor: c.req.query('vendor'), requireCoverage: coverage === undefined ? requireCoverage : Number(coverage) });
      const { contentType, body } = renderReport(report, format);
      return c.body(body, 200, { 'content-type': contentType });
    });
  }

  return admin;
}
