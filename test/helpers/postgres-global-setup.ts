import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the private PostgreSQL the run started (`test/helpers/postgres-database.ts` makes a database per suite). */
    postgresUrl: string;
  }
}

/** Starts one private PostgreSQL for the whole run and stops it after (vitest globalSetup). */
export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgresServer();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
