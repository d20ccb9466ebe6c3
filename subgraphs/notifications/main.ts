import { runSubgraphProcess } from '../../platform/main.js';
import { notificationsSubgraph } from './subgraph.js';

await runSubgraphProcess(notificationsSubgraph);
