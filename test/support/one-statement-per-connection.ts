/**
 * Vitest setup: a statement sent on a connection that is still running another one fails the
 * run. pg only queues it (and warns once per process), but inside a transaction it means code
 * racing itself on one connection — an `await Promise.all` over queries of one transaction — which
 * lazy BEGIN (platform/lazy-begin.ts) and the statement order a reader expects both assume away.
 */
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.includes('already executing a query')) {
    throw new Error(`Two statements at once on one PostgreSQL connection: ${warning.message}\n${warning.stack ?? ''}`);
  }
});
