import type pg from 'pg';
import { SCHEMA } from './migrations.js';

/**
 * Deletes all but the newest `keep` change-log rows and raises `changes_pruned.through` to the last one deleted, in one
 * transaction (one simple query of two statements is one implicit transaction), so the log does not grow without bound. A replica that was further behind finds `through` above its
 * position when it next catches up and reloads the whole state instead. Rows still in flight are never touched: they
 * are newer than every committed one (positions are handed out under the log lock).
 */
export async function pruneChangeLog(pool: pg.Pool, keep: number): Promise<void> {
  await pool.query(
    `UPDATE ${SCHEMA}.changes_pruned SET through = greatest(through, coalesce((SELECT position FROM ${SCHEMA}.changes ORDER BY position DESC OFFSET ${keep} LIMIT 1), 0));
     DELETE FROM ${SCHEMA}.changes WHERE position <= (SELECT through FROM ${SCHEMA}.changes_pruned)`,
  );
}
