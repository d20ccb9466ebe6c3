import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no exports map: Node gives every importer its CommonJS build, but Vite would give
    // our (transformed) sources the `module` build — a second graphql realm next to the one Apollo and
    // graphql-ws load. Tests must see the single instance production sees.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['**/*.spec.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // Integration tests boot servers against the shared PostgreSQL and NATS; each file uses its
    // own database and subject namespace, so files may run in parallel (bounded for 2 cores).
    pool: 'forks',
    setupFiles: ['test/support/one-statement-per-connection.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
