import { runSubgraphProcess } from '../../platform/main.js';
import { inventorySubgraph } from './subgraph.js';

await runSubgraphProcess(inventorySubgraph);
