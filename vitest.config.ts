import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.spec.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // Integration tests boot servers against the shared PostgreSQL and NATS; each file uses its
    // own database and subject namespace, so files may run in parallel (bounded for 2 cores).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
