import { defineConfig } from 'vitest/config';

/** Suites that need PostgreSQL: the store's second backend and the replicas sharing it. */
const POSTGRES_ONLY = ['test/store/postgres/**/*.test.ts', 'test/replicas/**/*.test.ts'];
/** The vendor flows, run once on the default store and once more on PostgreSQL. */
const VENDOR_FLOWS = ['test/vendors/**/*flow*.test.ts', 'test/vendors/**/concurrency.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'lowdb', include: ['test/**/*.test.ts', 'examples/**/*.test.ts'], exclude: POSTGRES_ONLY } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...POSTGRES_ONLY, ...VENDOR_FLOWS],
          // One private PostgreSQL for the project (initdb + pg_ctl in a temp dir); createTestMock then opens its stores there.
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
          env: { RETURNS_MOCK_TEST_STORE: 'postgres' },
        },
      },
    ],
  },
});
