import pg from 'pg';
import type { Fixtures } from '../../fixtures/fixture-types.js';
import { fingerprintFixtures, replaceFixtures, type FixtureData } from '../../fixtures/replace-fixtures.js';
import { createDictionary } from '../../state/create-dictionary.js';
import type { SharedFixtures } from '../../types.js';
import { StoreUnavailableError } from '../store-unavailable-error.js';
import { FIXTURES_LOCK, LOCK_NAMESPACE, LOG_LOCK } from './advisory-keys.js';
import { encodeFixtureChange } from './change-list.js';
import { SCHEMA } from './migrations.js';

/** What the shared fixtures need of the backend: its pool, the fixtures it keeps current, and a catch-up with the log. */
export interface FixtureHost {
  pool: pg.Pool;
  shown: string;
  /** The fixtures the change log is applied to: the database's, until `adopt` hands over the engines' object. */
  live(): Fixtures;
  follow(fixtures: Fixtures): void;
  refresh(): Promise<void>;
}

/** The statements that write `data`'s collections (upserts) and announce them in the change log, under the log lock. */
function writeStatements(data: FixtureData, whole: boolean): string[] {
  const rows = Object.entries(data).flatMap(([vendor, collections]) =>
    Object.entries(collections).map(([name, records]) => `(${[vendor, name, JSON.stringify(records)].map((text) => pg.escapeLiteral(text)).join(', ')})`),
  );
  return [
    ...(rows.length === 0
      ? []
      : [`INSERT INTO ${SCHEMA}.fixtures (vendor, collection, records) VALUES ${rows.join(', ')} ON CONFLICT (vendor, collection) DO UPDATE SET records = EXCLUDED.records`]),
    `SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOG_LOCK})`,
    `INSERT INTO ${SCHEMA}.changes (changes) VALUES (${pg.escapeLiteral(encodeFixtureChange(data, whole))})`,
  ];
}

/**
 * The fixtures in `returns_mock.fixtures`, one row per vendor and collection. Every change to them is also a change-log
 * row carrying the new collections, so replicas apply fixtures and state in one order as they catch up.
 */
export function createPostgresFixtures(host: FixtureHost): SharedFixtures {
  /** Runs `step` in one transaction under the fixtures lock; a failure is the database's (503). */
  const transaction = async <T>(step: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await host.pool.connect();
    } catch (error) {
      throw new StoreUnavailableError(host.shown, { cause: error });
    }
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${FIXTURES_LOCK})`);
      const result = await step(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw new StoreUnavailableError(host.shown, { cause: error });
    }
  };
  return {
    async adopt(fixtures) {
      const fingerprint = fingerprintFixtures(fixtures);
      const same = await transaction(async (client) => {
        const { rows } = await client.query<{ fingerprint: string }>(`SELECT fingerprint FROM ${SCHEMA}.fixtures_source`);
        if (rows[0]?.fingerprint === fingerprint) return true;
        const statements = [
          `DELETE FROM ${SCHEMA}.fixtures`,
          `DELETE FROM ${SCHEMA}.fixtures_source`,
          `INSERT INTO ${SCHEMA}.fixtures_source (fingerprint) VALUES (${pg.escapeLiteral(fingerprint)})`,
          ...writeStatements(fixtures, true),
        ];
        await client.query(statements.join(';\n'));
        return false;
      });
      // The same files: what the database holds wins (it has what was posted since). Other files: ours, as written.
      if (same) replaceFixtures(fixtures, host.live(), true);
      host.follow(fixtures);
      await host.refresh();
    },
    async add(additions) {
      await transaction(async (client) => {
        const data = createDictionary<Record<string, readonly unknown[]>>();
        for (const [vendor, collections] of Object.entries(additions)) {
          data[vendor] = createDictionary();
          for (const [name, records] of Object.entries(collections)) {
            const { rows } = await client.query<{ records: string }>(`SELECT records FROM ${SCHEMA}.fixtures WHERE vendor = $1 AND collection = $2`, [vendor, name]);
            const before = rows[0] === undefined ? [] : (JSON.parse(rows[0].records) as unknown[]);
            data[vendor][name] = [...before, ...records];
          }
        }
        await client.query(writeStatements(data, false).join(';\n'));
      });
      // Committed: if reading it back fails, the next request's refresh reports the database.
      await host.refresh().catch(() => undefined);
    },
  };
}
