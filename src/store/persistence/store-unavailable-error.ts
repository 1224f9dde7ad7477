/** The store's shared source (a database) cannot be reached now: the request is answered 503 and nothing of it was kept. */
export class StoreUnavailableError extends Error {
  constructor(source: string, options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`the store ${source} cannot be reached (${reason})`, options);
    this.name = 'StoreUnavailableError';
  }
}
