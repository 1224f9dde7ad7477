import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { JSONFile } from 'lowdb/node';
import type { StoreAdapter } from './adapter.js';
import { parseStoreData } from './parse-store-data.js';
import { StoreOpenError } from './store-open-error.js';
import type { StoreData } from './types.js';

/**
 * The whole store in one JSON file, through lowdb's `JSONFile`: steno writes a temp file next to it and
 * renames it over the file, so a crash mid-write leaves the previous complete file (and at worst a stale
 * `.<name>.tmp`). A missing file reads as empty; an unreadable one is a `StoreOpenError` naming it.
 * Durable against a killed process; steno does not fsync, so not against a power cut.
 */
export function createJsonFileAdapter(file: string): StoreAdapter {
  const absolute = path.resolve(file);
  const json = new JSONFile<StoreData>(absolute);
  let directoryReady = false;
  return {
    async read() {
      let raw: unknown;
      try {
        raw = await json.read();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new StoreOpenError(absolute, error instanceof SyntaxError ? `it is not valid JSON (${reason})` : `it cannot be read (${reason})`, { cause: error });
      }
      return raw === null ? null : parseStoreData(raw, absolute);
    },
    async write(data) {
      if (!directoryReady) {
        await mkdir(path.dirname(absolute), { recursive: true });
        directoryReady = true;
      }
      await json.write(data);
    },
  };
}
