import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { parseSnapshotText } from './parse-snapshot-text.js';
import { parseStoreData } from './parse-store-data.js';
import { StoreOpenError } from './store-open-error.js';
import type { StoreData } from '../types.js';
import { encodeStoreData } from '../state/store-state.js';
import { writeFileDurably } from './write-file-durably.js';

/** The snapshot file's content: the store's data and, when an append-only log sits beside it, the last log batch it already holds. */
export interface SnapshotData extends StoreData {
  logBatch?: number;
}

/**
 * The whole store in one JSON file, a lowdb adapter: each write replaces the file atomically and durably
 * (temp file, fsync, rename, see `writeFileDurably`), so a crash mid-write leaves the previous complete file.
 * Records travel as their JSON text both ways (`JsonText`): checked on read but not built, spliced in on write.
 * A missing file reads as empty; an unreadable one is a `StoreOpenError` naming it.
 */
export function createJsonFileAdapter(file: string): Adapter<SnapshotData> {
  const absolute = path.resolve(file);
  const readNow = (): SnapshotData | null => {
    let bytes: Buffer;
    try {
      // Read at once (nothing else runs while the store opens) and scanned as bytes: decoding a large store into
      // one string would cost as much again.
      bytes = readFileSync(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreOpenError(absolute, `it cannot be read (${(error as Error).message})`, { cause: error });
    }
    let raw: unknown;
    try {
      raw = parseSnapshotText(bytes);
    } catch (error) {
      throw new StoreOpenError(absolute, `it is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const data: SnapshotData = parseStoreData(raw, absolute);
    const logBatch = (raw as { logBatch?: unknown }).logBatch;
    if (logBatch !== undefined) {
      if (typeof logBatch !== 'number' || !Number.isSafeInteger(logBatch) || logBatch < 0) throw new StoreOpenError(absolute, 'expected a non-negative integer at /logBatch');
      data.logBatch = logBatch;
    }
    return data;
  };
  return {
    // The promise constructor turns a throw of the synchronous read into a rejection.
    read: () => new Promise((resolve) => resolve(readNow())),
    async write(data) {
      await writeFileDurably(absolute, encodeStoreData(data));
    },
  };
}
