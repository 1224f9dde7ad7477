/** Serialised, batched writes: see `createGroupCommit`. */
export interface GroupCommit {
  /** Resolves (or rejects) with a write that starts after this call, so it contains every change made before the call. */
  commit(): Promise<void>;
  /** Resolves once no write is running or waiting (write errors are left to the commits that waited for them). */
  flush(): Promise<void>;
}

interface Waiting {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function createWaiting(): Waiting {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/**
 * Group commit over `write` (which snapshots the current state synchronously when called): at most one
 * write runs at a time; every commit arriving while it runs shares the next single write. So 200
 * concurrent commits cost two writes, and each resolves only after a write that contains it.
 */
export function createGroupCommit(write: () => Promise<void>): GroupCommit {
  let running: Promise<void> | undefined;
  let waiting: Waiting | undefined;

  const start = (): Promise<void> => {
    // An async wrapper turns a synchronous throw of `write` into a rejection of this write only.
    const current = (async () => write())();
    running = current;
    const next = () => {
      running = undefined;
      if (waiting === undefined) return;
      const group = waiting;
      waiting = undefined;
      start().then(group.resolve, group.reject);
    };
    current.then(next, next);
    return current;
  };

  return {
    commit() {
      if (running === undefined) return start();
      waiting ??= createWaiting();
      return waiting.promise;
    },
    async flush() {
      while (running !== undefined) await running.catch(() => undefined);
    },
  };
}
