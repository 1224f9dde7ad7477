// The private PostgreSQL lives in scripts/ (plain JS), so the bench starts the same one the tests do.
export { startPostgresServer, type PostgresServer } from '../../scripts/postgres-server.mjs';
