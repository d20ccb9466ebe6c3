import { runSubgraphProcess } from '../../platform/main.js';
import { fulfillmentSubgraph } from './subgraph.js';

await runSubgraphProcess(fulfillmentSubgraph);
