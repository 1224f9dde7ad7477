import type { ClientBase } from 'pg';
import { toFixtureData, type FixtureData } from '../../fixtures/replace-fixtures.js';
import { createDictionary } from '../../state/create-dictionary.js';
import type { StoreChange } from '../../state/store-change.js';
import { SCHEMA } from './migrations.js';

/** Everything the database holds at one moment: the state as changes (a full reset first), the fixtures, and the change-log position it stands at. */
export interface Snapshot {
  changes: StoreChange[];
  fixtures: FixtureData;
  position: number;
}

/**
 * Reads the state, the fixtures and the change-log position in one REPEATABLE READ transaction, so they belong
 * together: catching up from `position` on gives exactly what committed since. The state comes as changes, applied
 * like any other, so a replica's state is only ever changed one way.
 */
export async function readSnapshot(client: ClientBase): Promise<Snapshot> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const records = await client.query<{ vendor: string; tenant: string; collection: string; id: string; record: string }>(
      `SELECT vendor, tenant, collection, id, record FROM ${SCHEMA}.records ORDER BY vendor, tenant, collection, ord`,
    );
    const sequences = await client.query<{ vendor: string; tenant: string; name: string; value: string }>(`SELECT vendor, tenant, name, value FROM ${SCHEMA}.sequences`);
    const fixtures = await client.query<{ vendor: string; collection: string; records: string }>(
      `SELECT vendor, collection, records FROM ${SCHEMA}.fixtures ORDER BY vendor, collection`,
    );
    const last = await client.query<{ position: string }>(
      `SELECT greatest((SELECT coalesce(max(position), 0) FROM ${SCHEMA}.changes), (SELECT through FROM ${SCHEMA}.changes_pruned)) AS position`,
    );
    await client.query('COMMIT');
    const changes: StoreChange[] = [{ kind: 'reset' }];
    // A record's text is kept as the database holds it (our own encoding), parsed only when a read hands it out.
    for (const row of records.rows) changes.push({ kind: 'put', vendor: row.vendor, tenant: row.tenant, collection: row.collection, id: row.id, json: row.record });
    for (const row of sequences.rows) changes.push({ kind: 'sequence', vendor: row.vendor, tenant: row.tenant, sequence: row.name, value: Number(row.value) });
    const data = createDictionary<Record<string, unknown>>();
    for (const row of fixtures.rows) (data[row.vendor] ??= createDictionary())[row.collection] = JSON.parse(row.records) as unknown;
    return { changes, fixtures: toFixtureData(data, `${SCHEMA}.fixtures`), position: Number(last.rows[0]!.position) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
