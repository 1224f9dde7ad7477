import type { JournalEntry, JournalRequest } from './journal-entry.js';
import { rankNearMisses, type NearMiss, type NearMissTarget } from './rank-near-misses.js';
import type { VendorCatalogue } from './vendor-catalogue.js';

/** A request under no vendor's prefix: answered 404 by the server itself, kept apart from the journal (no vendor, no report). */
export interface UnroutedRequest {
  time: string;
  client: string;
  /** `path` is the whole path below the server root. */
  request: JournalRequest;
}

/** A request that matched no operation, with the operations it was probably meant for. */
export interface UnmatchedRequest {
  /** The journal's sequence number; `null` for a request under no vendor's prefix (not journalled). */
  seq: number | null;
  time: string;
  client: string;
  /** The vendor whose prefix it was under; `null` when none. */
  vendor: string | null;
  /** 404, or 405 when the path exists with other methods. */
  status: number;
  method: string;
  /** The path as sent, prefix included, without the query. */
  path: string;
  query: string;
  nearMisses: NearMiss[];
}

/** The vendor prefix a catalogue was mounted at (bundled vendors: `/<id>`). */
export const prefixOfCatalogue = (catalogue: VendorCatalogue | undefined, vendor: string) => catalogue?.prefix ?? `/${vendor}`;

/** Every mounted operation as a near-miss target, in the specs' order. */
export function toNearMissTargets(catalogues: readonly VendorCatalogue[]): NearMissTarget[] {
  return catalogues.flatMap((catalogue) =>
    catalogue.operations.map((operation) => ({
      vendor: catalogue.vendor,
      prefix: prefixOfCatalogue(catalogue, catalogue.vendor),
      operationId: operation.operationId,
      method: operation.method,
      pathTemplate: operation.pathTemplate,
      requestMediaTypes: operation.requestMediaTypes ?? [],
    })),
  );
}

const contentTypeOf = (request: JournalRequest) => (request.body === undefined ? undefined : request.headers['content-type']);

/** The unmatched requests (journal entries without an operation, and requests under no prefix), oldest first, each with its near misses. */
export function listUnmatched(entries: readonly JournalEntry[], unrouted: readonly UnroutedRequest[], catalogues: readonly VendorCatalogue[]): UnmatchedRequest[] {
  const targets = toNearMissTargets(catalogues);
  const fromJournal = entries
    .filter((entry) => entry.operationId === null)
    .map((entry): UnmatchedRequest => {
      const path = `${prefixOfCatalogue(
        catalogues.find((c) => c.vendor === entry.vendor),
        entry.vendor,
      )}${entry.request.path}`;
      const nearMisses = rankNearMisses({ method: entry.method, path, contentType: contentTypeOf(entry.request) }, targets);
      return {
        seq: entry.seq,
        time: entry.time,
        client: entry.client,
        vendor: entry.vendor,
        status: entry.status,
        method: entry.method,
        path,
        query: entry.request.query,
        nearMisses,
      };
    });
  const fromServer = unrouted.map((item): UnmatchedRequest => ({
    seq: null,
    time: item.time,
    client: item.client,
    vendor: null,
    status: 404,
    method: item.request.method,
    path: item.request.path,
    query: item.request.query,
    nearMisses: rankNearMisses({ method: item.request.method, path: item.request.path, contentType: contentTypeOf(item.request) }, targets),
  }));
  return [...fromJournal, ...fromServer].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}
