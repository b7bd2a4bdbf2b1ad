import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts'],
          // Some specs boot the whole app on a temporary SQLite file (migrations, scrypt): more than the 5 s default.
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
          include: ['test/**/*.spec.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          // Each file starts real api and sandbox processes: one file at a time on a 2-core machine.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
