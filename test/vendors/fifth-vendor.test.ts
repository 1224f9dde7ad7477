import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/index.js';
import { parcelPlugin } from '../fixtures/fifth-vendor/plugin/index.js';
import { createTestMock } from '../helpers/mock-client.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/fifth-vendor/fixtures/', import.meta.url));
const AUTH = { authorization: 'Bearer parcel-token' };

// Proves the steps of docs/adding-a-vendor.md: a spec, a plugin folder, fixtures and one registration are all a vendor needs.
describe('a fifth vendor mounted through the registry', () => {
  it('validates, keeps state, reads its fixtures and answers in its own error shape', async () => {
    const ownBreaks: string[] = [];
    const mock = await createTestMock({
      vendors: [],
      plugins: [parcelPlugin],
      fixtures: FIXTURES,
      onExchange: (exchange) => ownBreaks.push(...exchange.responseViolations.map((v) => v.message)),
    });
    const created = await mock.send('POST', '/parcel/returns', { headers: AUTH, body: { carrier: 'DHL', parcels: 2 } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: 'PR-1', carrier: 'DHL', parcels: 2, status: 'announced' });
    const read = await mock.send('GET', '/parcel/returns/PR-1', { headers: AUTH });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);

    const unknownCarrier = await mock.send('POST', '/parcel/returns', { headers: AUTH, body: { carrier: 'XYZ', parcels: 1 } });
    expect(unknownCarrier.status).toBe(400);
    expect(unknownCarrier.json).toEqual({ error: { code: 400, message: "unknown carrier 'XYZ'", fields: ['/carrier'] } });
    const invalid = await mock.send('POST', '/parcel/returns', { headers: AUTH, body: { carrier: 'DHL', parcels: 10 } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fields).toEqual(['/parcels']);
    expect((await mock.send('GET', '/parcel/returns/PR-1')).json.error.code).toBe(401);
    expect((await mock.send('GET', '/parcel/returns/PR-9', { headers: AUTH })).status).toBe(404);

    // Every answer, refusals included, fits the vendor's own spec.
    expect(ownBreaks).toEqual([]);
    const report = mock.report({ vendor: 'parcel' });
    expect(report.results.map((result) => result.vendor)).toEqual(['parcel']);
    expect(mock.engines.map((engine) => engine.plugin.id)).toEqual(['parcel']);
  });

  it('mounts beside the bundled vendors', async () => {
    const mock = await createMock({ inMemory: true, plugins: [parcelPlugin] });
    expect(mock.engines.map((engine) => engine.plugin.id)).toEqual(['jtl', 'intershop', 'emporix', 'shopctrl', 'parcel']);
  });

  it('fails start-up on a handler keyed by an operationId the spec lacks', async () => {
    const typo = { ...parcelPlugin, handlers: { ...parcelPlugin.handlers, getParcelReturns: parcelPlugin.handlers!.getParcelReturn! } };
    await expect(createMock({ inMemory: true, vendors: [], plugins: [typo], fixtures: FIXTURES })).rejects.toThrow(
      /vendor 'parcel' has a handler for 'getParcelReturns', which is no operationId/,
    );
  });
});
