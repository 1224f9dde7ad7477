import { createHash } from 'node:crypto';
import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** An operation as the reports list it: what a client could exercise. */
export interface CatalogueOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Response keys as the spec writes them: `201`, `4XX`, `default`. */
  documentedStatuses: string[];
  /** Media types the request body may have; empty when the operation takes none (for near misses). */
  requestMediaTypes?: string[];
}

/** Where a vendor's spec is mounted and read from. */
export interface VendorMount {
  /** Mount prefix, e.g. `/emporix`. */
  prefix: string;
  /** The spec file it was loaded from. */
  specFile?: string;
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
  prefix?: string;
  specFile?: string;
  /** SHA-256 (hex) of the spec as served at `/<prefix>/openapi.json`: two reports with the same hash were checked against the same spec. */
  specSha256?: string;
}

interface SchemeObject {
  type?: string;
  in?: string;
  name?: string;
}

/** Builds a vendor's catalogue from its indexed spec; `mount` says where it is served, for links back to the spec. */
export function buildVendorCatalogue(plugin: Pick<VendorPlugin, 'id' | 'title' | 'secretHeaders' | 'clientHeaders'>, spec: SpecIndex, mount?: VendorMount): VendorCatalogue {
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
      requestMediaTypes: operation.requestBody?.content.map((media) => media.mediaType) ?? [],
    })),
    secretHeaders: [...apiKeys('header'), ...(plugin.secretHeaders ?? [])].map((name) => name.toLowerCase()),
    clientHeaders: (plugin.clientHeaders ?? []).map((name) => name.toLowerCase()),
    secretQuery: apiKeys('query'),
    ...(mount === undefined ? {} : { prefix: mount.prefix, ...(mount.specFile === undefined ? {} : { specFile: mount.specFile }) }),
    // The served `openapi.json` is this same serialisation, so `curl …/openapi.json | sha256sum` gives the same hash.
    specSha256: createHash('sha256').update(JSON.stringify(spec.doc)).digest('hex'),
  };
}
