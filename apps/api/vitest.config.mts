import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure logic: no database, no network, no app.
          include: ['src/**/*.spec.ts'],
          exclude: ['src/**/*.medium.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'medium',
          // The real app on a real database of its own (a temp SQLite file, or PostgreSQL when
          // GOALPOST_TEST_POSTGRES_URL is set), driven through Fastify's inject: migrations, scrypt, SQL.
          include: ['src/**/*.medium.spec.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // Loading Nest, TypeORM and Fastify once per worker instead of once per file halves the run; every
          // spec builds its own app instance, and none mocks modules, so nothing leaks between files.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Real api and sandbox processes over HTTP.
          include: ['test/integration/**/*.spec.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          // Each file starts real api and sandbox processes: one file at a time on a 2-core machine.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'chaos',
          // Real faults against real processes: a disk that fills up, a flaky upstream, kill -9, a cut database.
          include: ['test/chaos/**/*.chaos.spec.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
