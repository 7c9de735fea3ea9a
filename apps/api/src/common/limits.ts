import type { ApolloServerPlugin } from '@apollo/server';
import {
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type OperationDefinitionNode,
  separateOperations,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Context } from '../context';
import type { BudgetLedger } from './budget-ledger';
import { requestError } from './guard';

/** Published limits (README "Limits"); every one is checked before execution. */
export type Limits = {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  /** Highest cost of one operation. */
  maxCost: number;
  /** Points budget per user, token or (anonymous) address: bucket size and refill per second. */
  budget: { capacity: number; refillPerSecond: number };
};

export const defaultLimits: Limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 4000,
  maxCost: 50_000,
  budget: { capacity: 500_000, refillPerSecond: 5_000 },
};

/**
 * Cost model: an object field costs 1, a scalar 0. A connection multiplies what it holds by the
 * page size asked for (`first`/`last`, variables included; 20 when absent); a plain list by 10
 * (a connection's `edges` by 1: the page size already counts them).
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
  if (field.args.some((a) => a.name === 'first')) {
    const size = Number(args.first ?? args.last ?? 20);
    return own + childComplexity * (Number.isFinite(size) ? size : 20);
  }
  // A connection's edges are already counted by its page size.
  if (field.name === 'edges') return own + childComplexity;
  if (isListType(getNullableType(field.type))) {
    const size = Array.isArray(args.ids) ? args.ids.length : 10;
    return own + childComplexity * size;
  }
  return own + childComplexity;
};

export type RateLimitInfo = { cost: number; limit: number; remaining: number; refillPerSecond: number };

/**
 * Costs already computed, per parsed document (Apollo and the WebSocket server hand back the same
 * DocumentNode for the same query text) and per operation and variables: a client sends the same
 * query again and again, and walking the whole document each time was a tenth of a small query's
 * CPU. Only small variable sets are remembered, and only so many per document.
 */
const knownCosts = new WeakMap<object, Map<string, number>>();
const MAX_COSTS_PER_DOCUMENT = 256;
const MAX_VARIABLES_KEY = 2_000;

/** Computes the cost of an operation with its variables. */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: Parameters<typeof separateOperations>[0],
  variables: Record<string, unknown> | undefined,
): number {
  const key = `${operation.name?.value ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
  if (key.length > MAX_VARIABLES_KEY) return computeCost(schema, operation, document, variables);
  let costs = knownCosts.get(document);
  if (!costs) {
    costs = new Map();
    knownCosts.set(document, costs);
  }
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = computeCost(schema, operation, document, variables);
    if (costs.size >= MAX_COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}

function computeCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: Parameters<typeof separateOperations>[0],
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operation.name?.value,
    variables,
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 0 })],
  });
}

/** Charges the cost of each operation against the caller's budget, before execution. */
export function limitsPlugin(
  schema: GraphQLSchema,
  limits: Limits,
  budgets: BudgetLedger,
): ApolloServerPlugin<Context & { rateLimit?: RateLimitInfo }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue: ctx }) {
          if (!operation) return;
          let cost: number;
          try {
            cost = operationCost(schema, operation, document, request.variables);
          } catch (error) {
            throw requestError('BAD_USER_INPUT', (error as Error).message, 400);
          }
          if (cost > limits.maxCost) {
            throw requestError(
              'QUERY_TOO_COMPLEX',
              `this query costs ${cost} points; the most one query may cost is ${limits.maxCost}`,
              400,
              { cost, maxCost: limits.maxCost },
            );
          }
          const viewer = ctx.viewer;
          const key =
            viewer.kind === 'token'
              ? `budget:token:${viewer.tokenId}`
              : viewer.kind === 'user'
                ? `budget:user:${viewer.userId}`
                : `budget:address:${ctx.http?.ipAddress ?? 'unknown'}`;
          const taken = await budgets.take(key, cost);
          const info: RateLimitInfo = {
            cost,
            limit: limits.budget.capacity,
            remaining: taken.remaining,
            refillPerSecond: limits.budget.refillPerSecond,
          };
          ctx.rateLimit = info;
          ctx.http?.setHeader('X-RateLimit-Limit', String(info.limit));
          ctx.http?.setHeader('X-RateLimit-Remaining', String(info.remaining));
          ctx.http?.setHeader('X-RateLimit-Cost', String(cost));
          if (!taken.allowed) {
            ctx.http?.setHeader('Retry-After', String(taken.retryAfterSeconds));
            throw requestError(
              'RATE_LIMITED',
              `the query budget is spent; try again in ${taken.retryAfterSeconds} s`,
              429,
              {
                cost,
                remaining: taken.remaining,
                retryAfterSeconds: taken.retryAfterSeconds,
              },
            );
          }
        },
      };
    },
  };
}
