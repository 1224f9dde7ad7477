import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { applyChange } from '../state/apply-change.js';
import { appendToLog, readAppendLog, truncateLog } from './append-log.js';
import { createJsonFileAdapter, type SnapshotData } from './json-file-adapter.js';
import { encodeLogLine } from './log-line.js';
import type { StorePersistence } from './store-persistence.js';
import { toStoreData, toStoreState } from '../state/store-state.js';
import { STORE_DATA_VERSION } from '../types.js';
import { lockStoreFile } from '../locking/store-lock.js';
import { syncDirectory } from './write-file-durably.js';

/** The log is folded into the snapshot once it outgrows both this and the snapshot: amortised O(1) per change. */
const MIN_COMPACTION_BYTES = 32 * 1024 * 1024;

/** The append-only log kept beside a store file: `FILE.log`. */
export const logFileOf = (file: string): string => `${path.resolve(file)}.log`;

/**
 * A JSON snapshot (`file`, through lowdb's `Low`) plus an append-only log beside it (`file.log`), so a write
 * costs the size of its changes, not of the store. Each group commit appends one numbered line and fdatasyncs
 * it before it is acknowledged. Compaction writes the whole state as a new snapshot (atomically, recording the
 * last batch it holds), then empties the log: at open when the log holds anything, on close, and when the log
 * outgrows the snapshot. Loading replays only batches newer than the snapshot's, so a crash at any point of a
 * compaction or an append loses nothing that was acknowledged; a torn last line was never acknowledged.
 * From load to close the store holds `file.lock` (`lockStoreFile`): a second process is refused, not interleaved.
 */
export function createLogPersistence(file: string, minCompactionBytes = MIN_COMPACTION_BYTES): StorePersistence {
  const absolute = path.resolve(file);
  const logFile = logFileOf(absolute);
  const snapshot = new Low<SnapshotData>(createJsonFileAdapter(absolute), { version: STORE_DATA_VERSION, vendors: {} });
  /** Bytes in the log file. */
  let logBytes = 0;
  /** Whether the log file and its directory exist (durably) yet. */
  let logReady = false;
  /** The number of the last batch appended (or held by the snapshot). */
  let batch = 0;
  let snapshotBytes = 0;
  /** After a failed append the log's tail is uncertain: the next write rewrites everything instead. */
  let mustCompact = false;
  let unlock: (() => Promise<void>) | undefined;

  /** Lets the snapshot's containers go: the state holds every record's text in its own maps. */
  const release = () => {
    snapshot.data = { version: STORE_DATA_VERSION, vendors: {} };
  };
  const append = async (line: string) => {
    if (!logReady) {
      await mkdir(path.dirname(logFile), { recursive: true });
      await appendToLog(logFile, line);
      await syncDirectory(path.dirname(logFile)); // the new file's name must survive too
      logReady = true;
    } else await appendToLog(logFile, line);
    logBytes += Buffer.byteLength(line);
  };
  const compact = async (state: Parameters<StorePersistence['write']>[1]) => {
    snapshot.data = { ...toStoreData(state), logBatch: batch };
    await snapshot.write();
    release();
    snapshotBytes = (await stat(absolute)).size;
    // Only now may the log go: the snapshot on disk holds every batch in it.
    await truncateLog(logFile);
    logBytes = 0;
    mustCompact = false;
  };

  const loadState = async () => {
    await snapshot.read();
    const state = toStoreState(snapshot.data);
    batch = snapshot.data.logBatch ?? 0;
    release();
    const content = await readAppendLog(logFile);
    for (const logged of content.batches) {
      if (logged.batch <= batch) continue; // already in the snapshot: a crash came between its write and the log's truncation
      for (const change of logged.changes) applyChange(state, change);
      batch = logged.batch;
    }
    // Folding the log in at once also drops a torn last line, so new lines never follow garbage.
    logReady = content.bytes > 0;
    if (content.bytes > 0) await compact(state);
    else snapshotBytes = (await stat(absolute).catch(() => undefined))?.size ?? 0;
    return state;
  };

  return {
    async load() {
      const releaseLock = await lockStoreFile(absolute);
      try {
        const state = await loadState();
        unlock = releaseLock;
        return state;
      } catch (error) {
        await releaseLock();
        throw error;
      }
    },
    async write(changes, state) {
      if (changes.length === 0 && !mustCompact) return; // a transaction that only read: nothing new to make durable
      if (mustCompact || logBytes > Math.max(minCompactionBytes, snapshotBytes)) return compact(state);
      batch += 1;
      try {
        await append(encodeLogLine({ batch, changes: [...changes] }));
      } catch (error) {
        mustCompact = true;
        throw error;
      }
    },
    async close(state) {
      try {
        if (logBytes > 0 || mustCompact) await compact(state);
      } finally {
        await unlock?.();
        unlock = undefined;
      }
    },
  };
}
