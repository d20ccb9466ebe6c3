import { loadOperations, operation } from '../cluster/operations.js';

/** The operations of `scripts/bench/checkout.graphql` (validated by `npm run schema:check`), by name. */
const operations = loadOperations('scripts/bench/checkout.graphql');

export const op = (name: string): string => operation(operations, name);
