import { acknowledgeAlert, resolveAlert } from './alerts.js';
import { listDeadLetters, requestDeadLetterReplay } from './dead-letters.js';
import { listAlerts, readAlert, type AlertListArgs } from './read-alerts.js';
import type { OperationsDeps, OperationsScope } from './scope.js';

export type { OperationsDeps, OperationsScope } from './scope.js';

/** The request-facing use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createOperationsUseCases(deps: OperationsDeps) {
  return {
    readAlert,
    listAlerts: (scope: OperationsScope, args: AlertListArgs) => listAlerts(scope, args),
    acknowledgeAlert,
    resolveAlert,
    listDeadLetters,
    replayDeadLetter: (scope: OperationsScope, id: string) => requestDeadLetterReplay(deps, scope, id),
  };
}

export type OperationsUseCases = ReturnType<typeof createOperationsUseCases>;
