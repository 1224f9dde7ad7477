/** A private PostgreSQL started for the tests or the bench: a temp data directory, 127.0.0.1 on a free port. */
export interface PostgresServer {
  /** A superuser URL of its `postgres` database (trust authentication, loopback only). */
  url: string;
  /** The URL of another database on the same server. */
  urlOf(database: string): string;
  /** Stops the server and keeps its data, so `resume` brings the same databases back (an outage). */
  halt(): void;
  resume(): void;
  /** Stops it and removes its directory. */
  stop(): void;
}

/** Starts a private PostgreSQL (installing Debian's package as root when missing, else one clear error). */
export function startPostgresServer(): Promise<PostgresServer>;
