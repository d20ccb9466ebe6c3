import { runSubgraphProcess } from '../../platform/main.js';
import { returnsSubgraph } from './subgraph.js';

await runSubgraphProcess(returnsSubgraph);
