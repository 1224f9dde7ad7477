import type { ClientBase } from 'pg';
import { LOCK_NAMESPACE, MIGRATION_LOCK } from './advisory-keys.js';

/** The schema every table lives in, so the mock shares a database without touching anything else in it. */
export const SCHEMA = 'returns_mock';

/**
 * Versioned migrations, applied in order, each in its own transaction and recorded in `returns_mock.migrations`.
 * Never edit one that shipped: add the next.
 * - records: the state, one row per record; `ord` gives the insertion order a collection lists in.
 * - sequences: the id sequences of each partition.
 * - changes: the change log replicas follow; `position` orders it.
 * - journal: every exchange any replica answered; a row with a null entry marks a clear.
 * - 2, changes_pruned: the change log is pruned; a replica whose position is at or below `through` reloads the state.
 * - 3, fixtures and fixtures_source: the reference data every replica reads (one row per vendor and collection), and
 *   the fingerprint of the fixture files it was last loaded from.
 * Records and changes are `text` holding JSON: `jsonb` would reorder a record's keys, and answers keep them in order.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE ${SCHEMA}.records (
     vendor text NOT NULL, tenant text NOT NULL, collection text NOT NULL, id text NOT NULL,
     ord bigint NOT NULL, record text NOT NULL,
     PRIMARY KEY (vendor, tenant, collection, id));
   CREATE SEQUENCE ${SCHEMA}.record_order;
   CREATE TABLE ${SCHEMA}.sequences (
     vendor text NOT NULL, tenant text NOT NULL, name text NOT NULL, value bigint NOT NULL,
     PRIMARY KEY (vendor, tenant, name));
   CREATE TABLE ${SCHEMA}.changes (position bigserial PRIMARY KEY, changes text NOT NULL, committed_at timestamptz NOT NULL DEFAULT now());
   CREATE TABLE ${SCHEMA}.journal (position bigserial PRIMARY KEY, entry text, written_at timestamptz NOT NULL DEFAULT now());`,
  `CREATE TABLE ${SCHEMA}.changes_pruned (through bigint NOT NULL);
   INSERT INTO ${SCHEMA}.changes_pruned (through) VALUES (0);`,
  `CREATE TABLE ${SCHEMA}.fixtures (vendor text NOT NULL, collection text NOT NULL, records text NOT NULL, PRIMARY KEY (vendor, collection));
   CREATE TABLE ${SCHEMA}.fixtures_source (fingerprint text NOT NULL);`,
];

/**
 * Creates or brings the schema up to the newest migration. Two replicas starting at once are serialised by an advisory
 * lock, so each migration runs once; a database migrated by a newer build is refused rather than written in a format this one does not know.
 */
export async function migrate(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${SCHEMA}.migrations`);
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) throw new Error(`the database's schema is at version ${current}, newer than this build knows (${MIGRATIONS.length}); upgrade returns-mock`);
    for (let version = current + 1; version <= MIGRATIONS.length; version += 1) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version - 1]!);
        await client.query(`INSERT INTO ${SCHEMA}.migrations (version) VALUES ($1)`, [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
  }
}
