import { runSubgraphProcess } from '../../platform/main.js';
import { catalogSubgraph } from './subgraph.js';

await runSubgraphProcess(catalogSubgraph);
