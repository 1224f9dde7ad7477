import { fileURLToPath } from 'node:url';
import type { HttpRequest } from '../../src/core/http.js';
import type { VendorPlugin } from '../../src/core/vendor-plugin.js';
import { createEngineContext, type EngineContextOptions } from '../../src/engine/create-engine-context.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { createStore, loadFixtures } from '../../src/store/index.js';
import { vendorPlugins } from '../../src/vendors/index.js';

const BUNDLED_FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** One bundled vendor's engine context, as `createVendorEngine` builds it: real spec, real in-memory store, bundled fixtures. */
export async function buildEngineContext(vendor: string, options: Partial<Omit<EngineContextOptions, 'plugin' | 'spec' | 'store'>> & { plugin?: VendorPlugin } = {}) {
  const plugin = options.plugin ?? vendorPlugins.find((candidate) => candidate.id === vendor)!;
  return createEngineContext({
    ...options,
    plugin,
    spec: await loadSpec(plugin.specFile),
    store: await createStore({ inMemory: true }),
    fixtures: await loadFixtures(BUNDLED_FIXTURES),
  });
}

/** A request as the HTTP layer hands it to the engine. */
export function engineRequest(method: string, path: string, headers: Record<string, string> = {}, body?: string): HttpRequest {
  const [bare = '', query = ''] = path.split('?');
  return { method, baseUrl: 'http://localhost/vendor', path: bare, query, headers, body: body === undefined ? undefined : new TextEncoder().encode(body) };
}
