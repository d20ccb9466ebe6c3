import { runSubgraphProcess } from '../../platform/main.js';
import { operationsSubgraph } from './subgraph.js';

await runSubgraphProcess(operationsSubgraph);
