import { runSubgraphProcess } from '../../platform/main.js';
import { paymentsSubgraph } from './subgraph.js';

await runSubgraphProcess(paymentsSubgraph);
