import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import { MAX_DIRECTIVES, limitRules as sharedLimitRules } from '../platform/query-limits.js';
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

/** The same limits for the WebSocket edge (no Apollo plugin there); see platform/query-limits.ts. */
export const limitRules = (config: Config): ValidationRule[] => sharedLimitRules(config.gateway.limits);
