import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { Config } from '../platform/config.js';

/**
 * Query limits shared by HTTP and (later) the WebSocket edge: depth, aliases, tokens, cost and
 * directives. Field suggestions are blocked in production so the schema can't be mined by typo.
 */
export function createArmor(config: Config) {
  const { limits } = config.gateway;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // Token limit is enforced by the parser itself (`parseOptions` in the server), so an over-long
    // document is a parse failure answered 400 like any other, not a plugin error answered 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();
}

const MAX_DIRECTIVES = 20;

/**
 * The same limits as plain validation rules, for the WebSocket edge (no Apollo plugin there).
 * Armor's rules throw by default, which aborts `validate`; here a rejection is reported as an
 * ordinary validation error, so the client gets an `error` message and the socket stays open.
 */
export function limitRules(config: Config): ValidationRule[] {
  const { limits } = config.gateway;
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
