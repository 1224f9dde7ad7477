import pg from 'pg';
import { createGroupCommit } from '../group-commit.js';
import { StoreUnavailableError } from '../store-unavailable-error.js';
import type { SharedJournal } from '../../types.js';
import { JOURNAL_LOCK, LOCK_NAMESPACE } from './advisory-keys.js';
import { SCHEMA } from './migrations.js';

/** Entries kept for a later write while the database is away; past this the oldest are dropped (the journal is a record, not state). */
const MAX_QUEUED = 10_000;

/**
 * The journal in `returns_mock.journal`: entries are queued and written in batches (one statement each), each batch
 * under a short global lock until COMMIT so positions become visible in order and a reader never skips one. A failed
 * write keeps its batch queued for the next one.
 */
export function createPostgresJournal(pool: pg.Pool, shown: string): SharedJournal {
  let queue: string[] = [];
  /** Runs `statements` in one transaction under the journal lock; a simple query rolls back by itself when one fails. */
  const insert = async (statements: string) => {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${JOURNAL_LOCK}); ${statements}; COMMIT`);
      client.release();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw error;
    }
  };
  const writes = createGroupCommit(async () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      await insert(`INSERT INTO ${SCHEMA}.journal (entry) VALUES ${batch.map((text) => `(${pg.escapeLiteral(text)})`).join(', ')}`);
    } catch (error) {
      queue = [...batch, ...queue].slice(-MAX_QUEUED);
      throw error;
    }
  });
  const unavailable = (error: unknown) => {
    throw new StoreUnavailableError(shown, { cause: error });
  };
  return {
    append(entry) {
      queue.push(JSON.stringify(entry));
      return writes.commit().catch(unavailable);
    },
    async clear() {
      await writes.commit().catch(unavailable);
      await insert(`INSERT INTO ${SCHEMA}.journal (entry) VALUES (NULL); DELETE FROM ${SCHEMA}.journal WHERE position < currval('${SCHEMA}.journal_position_seq')`).catch(
        unavailable,
      );
    },
    async read(after) {
      await writes.commit().catch(unavailable);
      const { rows } = await pool
        .query<{ position: string; entry: string | null }>(`SELECT position, entry FROM ${SCHEMA}.journal WHERE position > $1 ORDER BY position`, [after])
        .catch(unavailable);
      return rows.map((row) => ({ position: Number(row.position), entry: row.entry === null ? null : (JSON.parse(row.entry) as unknown) }));
    },
  };
}
