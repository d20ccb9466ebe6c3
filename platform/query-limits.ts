import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export const MAX_DIRECTIVES = 20;

/**
 * Depth, alias, cost and directive limits as plain validation rules, shared by the gateway's
 * WebSocket edge and every subgraph (which must refuse what the gateway would, whoever asks).
 * Armor's rules throw by default, which aborts `validate`; here a rejection is reported as an
 * ordinary validation error.
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: limits.maxAliases, ...report }),
    costLimitRule({ maxCost: limits.maxCost, ...report }),
    maxDirectivesRule({ n: MAX_DIRECTIVES, ...report }),
  ];
}
