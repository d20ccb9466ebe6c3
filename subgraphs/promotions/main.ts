import { runSubgraphProcess } from '../../platform/main.js';
import { promotionsSubgraph } from './subgraph.js';

await runSubgraphProcess(promotionsSubgraph);
