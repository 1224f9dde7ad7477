import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * The URL of a fresh, empty database on the run's private PostgreSQL (the `postgres` vitest project's globalSetup).
 * Nothing drops it: the whole server and its data directory go when the run ends.
 */
export async function createTestDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  const name = `returns_mock_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
