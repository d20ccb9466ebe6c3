import { runSubgraphProcess } from '../../platform/main.js';
import { cartSubgraph } from './subgraph.js';

await runSubgraphProcess(cartSubgraph);
