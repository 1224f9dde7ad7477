/** The store could not make a change durable (disk full, read-only, permissions): the change was not acknowledged. */
export class StoreWriteError extends Error {
  constructor(options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`the store could not be written (${reason})`, options);
    this.name = 'StoreWriteError';
  }
}
