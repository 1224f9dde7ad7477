import pg from 'pg';
import { applyChange } from '../../state/apply-change.js';
import { ensurePartition, type StoreState } from '../../state/store-state.js';
import { deepFreeze } from '../../state/to-frozen-record.js';
import { createGroupCommit } from '../group-commit.js';
import type { Decision, StoreBackend } from '../store-backend.js';
import { StoreOpenError } from '../store-open-error.js';
import { StoreUnavailableError } from '../store-unavailable-error.js';
import { StoreWriteError } from '../store-write-error.js';
import { LOCK_NAMESPACE, LOG_LOCK, PARTITION_NAMESPACE, RESET_LOCK } from './advisory-keys.js';
import { decodeChangeList, encodeChangeList } from './change-list.js';
import { maskUrl } from './mask-url.js';
import { migrate, SCHEMA } from './migrations.js';
import { createPostgresJournal } from './postgres-journal.js';
import { toWriteStatement } from './write-statements.js';

/** How often a commit is tried again after PostgreSQL broke a deadlock between two of them (it picks one to fail). */
const DEADLOCK_RETRIES = 5;
/** How often a commit widens its locks when its fresh run touched a partition the first run did not. */
const WIDEN_RETRIES = 5;

/** How one attempt ended: the callback threw, it needs more locks, or it is committed (`at`: its change-log position, none when it changed nothing). */
type Attempt<R> = { thrown: unknown } | { widen: ReadonlySet<string> | 'all' } | { decision: Decision<R>; at: number | undefined };

interface ChangeRow {
  position: string;
  changes: string;
}

/** Whether `held` covers every partition `wanted` names. */
function covers(held: ReadonlySet<string> | 'all', wanted: ReadonlySet<string> | 'all'): boolean {
  if (held === 'all') return true;
  if (wanted === 'all') return false;
  for (const key of wanted) if (!held.has(key)) return false;
  return true;
}

/** The lock statement for `partitions`: the reset lock (shared, or exclusive for `all`), then each partition's in key order. */
function lockStatement(partitions: ReadonlySet<string> | 'all'): string {
  if (partitions === 'all') return `SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${RESET_LOCK})`;
  const keys = [...partitions].sort();
  return `SELECT pg_advisory_xact_lock_shared(${LOCK_NAMESPACE}, ${RESET_LOCK})${keys.map((key) => `, pg_advisory_xact_lock(${PARTITION_NAMESPACE}, hashtext(${pg.escapeLiteral(key)}))`).join('')}`;
}

/**
 * The store in PostgreSQL, shared by every replica started on the same database (`--store postgres://…`).
 *
 * Reads stay in memory: the state loaded at start is brought up to date from the change log (`returns_mock.changes`,
 * ordered by a bigserial `position`) before each request, one indexed query. A commit is one PostgreSQL transaction:
 * it takes an advisory lock per (vendor, tenant) it touches, catches the state up INSIDE that lock, runs the vendor's
 * change against that fresh state, writes the records, sequences and one change-log row, and resolves only after
 * COMMIT. So two replicas never both decide on the same state: one waits for the other's commit and then sees it.
 * Which partitions a change touches is learnt from a first run against the current state; if the run under the locks
 * touches more, it is rolled back and tried again with the wider set.
 *
 * The change-log row is appended under one short global lock held until COMMIT, so positions become visible in
 * order and a replica reading `position > last` never skips a row that commits late.
 */
export function createPostgresBackend(url: string): StoreBackend {
  const shown = maskUrl(url);
  // Commits wait here for a connection while others hold theirs under a lock, so the wait may be long under load;
  // a database that is down refuses a connection at once, and that is answered 503 at once.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 60_000, allowExitOnIdle: true });
  // Catching up has connections of its own, so a request's refresh never queues behind commits waiting for locks.
  const readers = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000, allowExitOnIdle: true });
  // A connection that breaks while idle (the database restarted) is dropped by the pool; the next query reports the problem.
  pool.on('error', () => undefined);
  readers.on('error', () => undefined);
  // The same for a connection that breaks while checked out between two queries: the query in flight reports it.
  for (const each of [pool, readers]) each.on('connect', (client) => client.on('error', () => undefined));
  const endPools = () => Promise.all([pool.end(), readers.end()]).then(() => undefined);
  /** The last change-log position applied to the state. */
  let position = 0;
  let current: StoreState | undefined;

  const applyRows = (rows: readonly ChangeRow[]) => {
    for (const row of rows) {
      const at = Number(row.position);
      if (at <= position) continue; // another catch-up applied it meanwhile
      for (const change of decodeChangeList(row.changes, at)) applyChange(current!, change);
      position = at;
    }
  };
  const catchUp = async (client: pg.Pool | pg.ClientBase) => {
    const { rows } = await client.query<ChangeRow>(`SELECT position, changes FROM ${SCHEMA}.changes WHERE position > $1 ORDER BY position`, [position]);
    applyRows(rows);
  };
  // Requests arriving while a catch-up runs share the next one: at most one query in flight, one waiting.
  const refreshes = createGroupCommit(() =>
    catchUp(readers).catch((error: unknown) => {
      throw new StoreUnavailableError(shown, { cause: error });
    }),
  );

  /** One attempt: the transaction under `partitions`' locks; `widen` when its run touched more. */
  const attempt = async <R>(client: pg.PoolClient, partitions: ReadonlySet<string> | 'all', decide: () => Decision<R>): Promise<Attempt<R>> => {
    await client.query(`BEGIN; ${lockStatement(partitions)}`);
    await catchUp(client);
    let decision: Decision<R>;
    try {
      decision = decide();
    } catch (error) {
      await client.query('ROLLBACK');
      return { thrown: error };
    }
    if (!covers(partitions, decision.partitions)) {
      await client.query('ROLLBACK');
      return { widen: decision.partitions };
    }
    if (decision.changes.length === 0) {
      await client.query('COMMIT');
      return { decision, at: undefined };
    }
    const fullReset = decision.changes.some((change) => change.kind === 'reset' && change.vendor === undefined);
    const results = (await client.query(
      [
        ...decision.changes.map(toWriteStatement),
        `SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOG_LOCK})`,
        `INSERT INTO ${SCHEMA}.changes (changes) VALUES (${pg.escapeLiteral(encodeChangeList(decision.changes))}) RETURNING position`,
        // Rows before a full reset can no longer change the outcome of reading the log.
        ...(fullReset ? [`DELETE FROM ${SCHEMA}.changes WHERE position < currval('${SCHEMA}.changes_position_seq')`] : []),
        'COMMIT',
      ].join(';\n'),
    )) as unknown as pg.QueryResult[];
    const inserted = results.find((result) => result.command === 'INSERT' && result.fields.some((field) => field.name === 'position'));
    return { decision, at: Number((inserted!.rows[0] as { position: string }).position) };
  };

  return {
    journal: createPostgresJournal(pool, shown),
    async load() {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
      } catch (error) {
        await endPools().catch(() => undefined);
        throw new StoreOpenError(shown, `the database cannot be reached (${(error as Error).message || String(error)})`, { cause: error });
      }
      try {
        await migrate(client);
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const records = await client.query<{ vendor: string; tenant: string; collection: string; id: string; record: string }>(
          `SELECT vendor, tenant, collection, id, record FROM ${SCHEMA}.records ORDER BY vendor, tenant, collection, ord`,
        );
        const sequences = await client.query<{ vendor: string; tenant: string; name: string; value: string }>(`SELECT vendor, tenant, name, value FROM ${SCHEMA}.sequences`);
        const last = await client.query<{ position: string }>(`SELECT coalesce(max(position), 0) AS position FROM ${SCHEMA}.changes`);
        await client.query('COMMIT');
        const state: StoreState = new Map();
        for (const row of records.rows) {
          const { collections } = ensurePartition(state, row.vendor, row.tenant);
          let collection = collections.get(row.collection);
          if (collection === undefined) collections.set(row.collection, (collection = new Map<string, unknown>()));
          collection.set(row.id, deepFreeze(JSON.parse(row.record) as unknown));
        }
        for (const row of sequences.rows) ensurePartition(state, row.vendor, row.tenant).sequences.set(row.name, Number(row.value));
        position = Number(last.rows[0]!.position);
        current = state;
        await client.end();
        return state;
      } catch (error) {
        await client.end().catch(() => undefined);
        await endPools().catch(() => undefined);
        throw new StoreOpenError(shown, `its schema cannot be prepared or read (${(error as Error).message})`, { cause: error });
      }
    },
    refresh() {
      return refreshes.commit();
    },
    async commit(state, decide) {
      let partitions = decide().partitions; // a first run against the current state names the partitions to lock
      for (let round = 0; ; round += 1) {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          throw new StoreWriteError({ cause: new StoreUnavailableError(shown, { cause: error }) });
        }
        let outcome: Attempt<unknown>;
        try {
          outcome = await attempt(client, partitions, decide);
          client.release();
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          client.release(true);
          if ((error as { code?: string }).code === '40P01' && round < DEADLOCK_RETRIES) continue;
          throw new StoreWriteError({ cause: error });
        }
        if ('thrown' in outcome) throw outcome.thrown;
        if ('widen' in outcome) {
          if (round >= WIDEN_RETRIES) throw new StoreWriteError({ cause: new Error('a transaction kept touching other partitions on every run') });
          const wider: ReadonlySet<string> | 'all' = partitions === 'all' || outcome.widen === 'all' ? 'all' : new Set([...partitions, ...outcome.widen]);
          partitions = wider;
          continue;
        }
        const { decision, at } = outcome;
        if (at !== undefined && at === position + 1) {
          // Nothing committed between our catch-up and our row: apply our own changes without reading them back.
          for (const change of decision.changes) applyChange(state, change);
          position = at;
        } else if (at !== undefined) {
          // Committed and acknowledged; if reading it back fails, the next request's refresh reports the database.
          await refreshes.commit().catch(() => undefined);
        }
        return decision.result as never;
      }
    },
    async close() {
      await refreshes.flush();
      await endPools();
    },
  };
}
