/**
 * One change to the store, as a transaction or a reset makes it and as the append-only log keeps it.
 * Every change is absolute (a record's new value, a sequence's new value), so replaying the log in order
 * rebuilds exactly the state that acknowledged it. A put carries its record as JSON text, as the store keeps it.
 */
export type StoreChange =
  | { kind: 'put'; vendor: string; tenant: string; collection: string; id: string; json: string }
  | { kind: 'delete'; vendor: string; tenant: string; collection: string; id: string }
  | { kind: 'sequence'; vendor: string; tenant: string; sequence: string; value: number }
  | { kind: 'reset'; vendor?: string; tenant?: string };
