import { runSubgraphProcess } from '../../platform/main.js';
import { ordersSubgraph } from './subgraph.js';

await runSubgraphProcess(ordersSubgraph);
