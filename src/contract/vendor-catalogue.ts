import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** An operation as the reports list it: what a client could exercise. */
export interface CatalogueOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Response keys as the spec writes them: `201`, `4XX`, `default`. */
  documentedStatuses: string[];
}

/** What one vendor's spec offers and which of its request parts carry secrets. */
export interface VendorCatalogue {
  vendor: string;
  title: string;
  operations: CatalogueOperation[];
  /** Lower-case header names the spec declares as apiKey schemes (masked in the journal). */
  secretHeaders: string[];
  /** Lower-case headers that name the calling application (the plugin's `clientHeaders`). */
  clientHeaders: string[];
  /** Query parameter names the spec declares as apiKey schemes. */
  secretQuery: string[];
}

interface SchemeObject {
  type?: string;
  in?: string;
  name?: string;
}

/** Builds a vendor's catalogue from its indexed spec. */
export function buildVendorCatalogue(plugin: Pick<VendorPlugin, 'id' | 'title' | 'secretHeaders' | 'clientHeaders'>, spec: SpecIndex): VendorCatalogue {
  const schemes = [...spec.securitySchemes().values()] as SchemeObject[];
  const apiKeys = (place: string) => schemes.filter((s) => s.type === 'apiKey' && s.in === place && typeof s.name === 'string').map((s) => s.name!);
  return {
    vendor: plugin.id,
    title: plugin.title,
    operations: spec.operations.map((operation) => ({
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      pathTemplate: operation.pathTemplate,
      documentedStatuses: operation.responses.map((response) => response.status),
    })),
    secretHeaders: [...apiKeys('header'), ...(plugin.secretHeaders ?? [])].map((name) => name.toLowerCase()),
    clientHeaders: (plugin.clientHeaders ?? []).map((name) => name.toLowerCase()),
    secretQuery: apiKeys('query'),
  };
}
