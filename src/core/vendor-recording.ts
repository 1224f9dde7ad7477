import type { ValidatedRequest } from './request.js';

/** A fixture record an upstream's answer holds; records of one collection with the same `key` are merged (later fields win). */
export interface RecordedFixture {
  collection: string;
  key: string;
  record: Record<string, unknown>;
}

/** A store record that recorded fixtures stand for. */
export interface RestoredRecord {
  tenant: string;
  collection: string;
  id: string;
  record: unknown;
}

/** How a vendor turns a proxied session into fixtures (`--record`) and those fixtures back into stored state (`--fixtures`). */
export interface VendorRecording {
  /** The fixtures an upstream's answer to a valid request holds (returns, orders, reference data), with the vendor's ids kept. */
  fixturesOf(operationId: string, request: ValidatedRequest, status: number, body: unknown): RecordedFixture[];
  /** The stored records the fixtures' recorded collections stand for, so a recorded return answers as it was recorded. */
  restore?(fixtures: (collection: string) => ReadonlyArray<Record<string, unknown>>): RestoredRecord[];
}
