import { runSubgraphProcess } from '../../platform/main.js';
import { customersSubgraph } from './subgraph.js';

await runSubgraphProcess(customersSubgraph);
