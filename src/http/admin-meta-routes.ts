import { Hono } from 'hono';
import { ADMIN_OPENAPI, listAdminRoutes } from './admin-openapi.js';

/** A mounted vendor as `GET /__admin/health` names it. */
export interface LoadedVendor {
  id: string;
  title: string;
  prefix: string;
  operations: number;
}

/** The admin API describing itself: `GET /__admin` (its routes), `/__admin/openapi.json` and `/__admin/health`. */
export function createAdminMetaRoutes(vendors: readonly LoadedVendor[]): Hono {
  const routes = new Hono();
  routes.get('/', (c) => c.json({ name: 'returns-mock admin API', openapi: '/__admin/openapi.json', routes: listAdminRoutes() }));
  routes.get('/openapi.json', (c) => c.json(ADMIN_OPENAPI));
  routes.get('/health', (c) => c.json({ status: 'ok', vendors }));
  return routes;
}
