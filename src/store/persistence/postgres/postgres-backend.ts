import pg from 'pg';
import type { Fixtures } from '../../fixtures/fixture-types.js';
import { replaceFixtures } from '../../fixtures/replace-fixtures.js';
import { applyChange } from '../../state/apply-change.js';
import { createDictionary } from '../../state/create-dictionary.js';
import type { StoreState } from '../../state/store-state.js';
import { createGroupCommit } from '../group-commit.js';
import type { Decision, StoreBackend } from '../store-backend.js';
import { StoreOpenError } from '../store-open-error.js';
import { StoreUnavailableError } from '../store-unavailable-error.js';
import { StoreWriteError } from '../store-write-error.js';
import { LOCK_NAMESPACE, LOG_LOCK, PARTITION_NAMESPACE, RESET_LOCK } from './advisory-keys.js';
import { decodeChangeList, encodeChangeList } from './change-list.js';
import { maskUrl } from './mask-url.js';
import { migrate, SCHEMA } from './migrations.js';
import { createPostgresFixtures } from './postgres-fixtures.js';
import { createPostgresJournal } from './postgres-journal.js';
import { pruneChangeLog } from './prune-change-log.js';
import { readSnapshot, type Snapshot } from './read-snapshot.js';
import { toWriteStatement } from './write-statements.js';

/** How often a commit is tried again after PostgreSQL broke a deadlock between two of them (it picks one to fail). */
const DEADLOCK_RETRIES = 5;
/** How often a commit widens its locks when its fresh run touched a partition the first run did not. */
const WIDEN_RETRIES = 5;
/** How many change-log rows are kept by default: enough for a replica a few seconds behind under load to catch up row by row. */
const CHANGE_LOG_ROWS = 10_000;

/** Options for tests and tuning; none is needed. */
export interface PostgresBackendOptions {
  /**
   * Change-log rows kept (default 10,000): a commit that finds this many rows written since the last pruning prunes to
   * this many before it resolves, so the log holds at most twice as many.
   */
  changeLogRows?: number;
}

/** How one attempt ended: the callback threw, it needs more locks, or it is committed (`at`: its change-log position, none when it changed nothing). */
type Attempt<R> = { thrown: unknown } | { widen: ReadonlySet<string> | 'all' } | { decision: Decision<R>; at: number | undefined };

/** A change-log row, or (`changes` null) the mark that rows up to `position` were pruned away. */
interface ChangeRow {
  position: string;
  changes: string | null;
}

/** Rows after `$1`, led by the pruning mark when rows after `$1` were pruned: one snapshot, so never a gap unseen. */
const CATCH_UP = `SELECT position, changes FROM ${SCHEMA}.changes WHERE position > $1
  UNION ALL SELECT through, NULL FROM ${SCHEMA}.changes_pruned WHERE through > $1
  ORDER BY position`;

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
 * order and a replica reading `position > last` never skips a row that commits late. The log is pruned to its newest
 * rows (`changeLogRows`); a replica that fell further behind reloads the whole state and the fixtures instead.
 */
export function createPostgresBackend(url: string, options: PostgresBackendOptions = {}): StoreBackend {
  const keep = options.changeLogRows ?? CHANGE_LOG_ROWS;
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
  /** The last change-log position applied to the state and the fixtures. */
  let position = 0;
  /** The position of the last commit of this process that pruned the log (or of the load). */
  let prunedAt = 0;
  let current: StoreState | undefined;
  /** The fixtures the log is applied to: the database's, then (after `adopt`) the object the engines read. */
  let fixtures: Fixtures = createDictionary();

  const install = (snapshot: Snapshot) => {
    for (const change of snapshot.changes) applyChange(current!, change);
    replaceFixtures(fixtures, snapshot.fixtures, true);
    position = snapshot.position;
  };
  /** Applies `rows` in order; `false` when the log was pruned past this process's position (it must reload). */
  const applyRows = (rows: readonly ChangeRow[]): boolean => {
    for (const row of rows) {
      const at = Number(row.position);
      if (at <= position) continue; // another catch-up applied it meanwhile
      if (row.changes === null) return false;
      const content = decodeChangeList(row.changes, at);
      if ('changes' in content) for (const change of content.changes) applyChange(current!, change);
      else replaceFixtures(fixtures, content.fixtures, content.whole);
      position = at;
    }
    return true;
  };
  // Replicas that fell behind at the same moment share one reload.
  const reloads = createGroupCommit(async () => {
    const client = await readers.connect();
    try {
      const snapshot = await readSnapshot(client);
      client.release();
      // A catch-up meanwhile may already have passed the pruning mark by another reload.
      if (snapshot.position > position) install(snapshot);
    } catch (error) {
      client.release(true);
      throw error;
    }
  });
  const catchUp = async (client: pg.Pool | pg.ClientBase) => {
    const { rows } = await client.query<ChangeRow>(CATCH_UP, [position]);
    if (!applyRows(rows)) await reloads.commit();
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
        // Rows before a full reset are pruned (a replica behind reloads: fixtures may have changed before the reset).
        ...(fullReset
          ? [
              `UPDATE ${SCHEMA}.changes_pruned SET through = greatest(through, currval('${SCHEMA}.changes_position_seq') - 1)`,
              `DELETE FROM ${SCHEMA}.changes WHERE position < currval('${SCHEMA}.changes_position_seq')`,
            ]
          : []),
        'COMMIT',
      ].join(';\n'),
    )) as unknown as pg.QueryResult[];
    const inserted = results.find((result) => result.command === 'INSERT' && result.fields.some((field) => field.name === 'position'));
    return { decision, at: Number((inserted!.rows[0] as { position: string }).position) };
  };

  return {
    journal: createPostgresJournal(pool, shown),
    fixtures: createPostgresFixtures({
      pool,
      shown,
      live: () => fixtures,
      follow(adopted) {
        fixtures = adopted;
      },
      refresh: () => refreshes.commit(),
    }),
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
        current = new Map();
        install(await readSnapshot(client));
        prunedAt = position;
        await client.end();
        return current;
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
        if (at !== undefined && at - prunedAt >= keep) {
          prunedAt = at;
          // Committed already: a failed pruning is tried again by a later commit.
          await pruneChangeLog(pool, keep).catch(() => undefined);
        }
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
