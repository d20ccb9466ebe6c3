import { listReturns, readReturn, visibleOrderReturns, type ReturnListArgs } from './read-returns.js';
import { receiveReturn } from './receive-return.js';
import { requestReturn, type ReturnRequestInput } from './request-return.js';
import { approveReturn, rejectReturn } from './review-return.js';
import type { Inspection } from '../domain/return-rules.js';
import type { ReturnsDeps, ReturnsScope } from './scope.js';

export type { ReturnsDeps, ReturnsScope } from './scope.js';

/** The request-facing use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createReturnsUseCases(deps: ReturnsDeps) {
  return {
    requestReturn: (scope: ReturnsScope, input: ReturnRequestInput) => requestReturn(deps, scope, input),
    approveReturn: (scope: ReturnsScope, returnId: string) => approveReturn(deps, scope, returnId),
    rejectReturn: (scope: ReturnsScope, input: { returnId: string; reason: string }) => rejectReturn(deps, scope, input),
    receiveReturn: (scope: ReturnsScope, input: { returnId: string; items: Inspection[] }) => receiveReturn(deps, scope, input),
    readReturn,
    listReturns: (scope: ReturnsScope, args: ReturnListArgs) => listReturns(scope, args),
    visibleOrderReturns,
  };
}

export type ReturnsUseCases = ReturnType<typeof createReturnsUseCases>;
