import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { Request } from 'express';
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationContext,
  validate,
} from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { BudgetLedger } from '../../common/budget-ledger';
import { AppError, createErrorFormatter, type ErrorLogger } from '../../common/errors';
import { requestError } from '../../common/guard';
import { readCookie } from '../../common/http';
import { type Limits, operationCost } from '../../common/limits';
import type { Viewer } from '../../common/viewer';
import { createContext } from '../../context';
import type { Database } from '../../db/database';
import { SESSION_COOKIE, viewerFromSession, viewerFromToken } from '../accounts/session.service';
import type { ChangeFeed } from './change-feed';
import type { LiveSession } from './streams';

export type LiveServerOptions = {
  db: Database;
  feed: ChangeFeed;
  schema: GraphQLSchema;
  httpServer: Server;
  limits: Limits;
  /** The process's query budgets, shared with HTTP requests. */
  budgets: BudgetLedger;
  production: boolean;
  /** Browser origins other than the API's own allowed to open a connection with a session cookie. */
  allowedOrigins?: readonly string[];
  /** How long a resolved viewer is trusted before it is read again. */
  viewerTtlMs?: number;
  maxPayloadBytes?: number;
  maxSubscriptionsPerConnection?: number;
  log: ErrorLogger;
};

/** A connection's credentials, read again at most every `ttlMs`: a revoked session or token stops the stream. */
class Credentials {
  private cached: { viewer: Viewer; at: number } | null = null;

  constructor(
    private readonly resolve: () => Promise<Viewer>,
    private readonly ttlMs: number,
  ) {}

  async viewer(): Promise<Viewer> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.viewer;
    const viewer = await this.resolve();
    if (viewer.kind === 'anonymous') {
      this.cached = null;
      throw new AppError('UNAUTHENTICATED', 'the session has ended; sign in again');
    }
    this.cached = { viewer, at: Date.now() };
    return viewer;
  }
}

type Extra = { request: IncomingMessage; socket: { close(code: number, reason: string): void } };
type Connection = WsContext<Record<string, unknown>, Extra>;

function bearerOf(ctx: Connection): string | null | undefined {
  const params = ctx.connectionParams ?? {};
  const value = params.authorization ?? params.Authorization ?? ctx.extra.request.headers.authorization;
  if (value === undefined || value === null || value === '') return undefined;
  const match = typeof value === 'string' ? /^Bearer\s+(\S{1,200})$/i.exec(value) : null;
  return match ? match[1] : null;
}

/**
 * A session cookie is sent by the browser to any page's WebSocket: only the API's own origin (and
 * those configured) may use it, so that another site cannot subscribe as its visitor.
 */
function sameOrigin(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

const reportInstead = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/**
 * GraphQL subscriptions over graphql-transport-ws on the HTTP server's own port and path. graphql-ws
 * bypasses Apollo's plugins and validation, so this applies the same rules itself: credentials at
 * connection, and for each subscription the token, depth, alias and cost limits and the budget.
 * Queries and mutations stay on HTTP.
 */
export function startLiveServer(options: LiveServerOptions): { stop(): Promise<void> } {
  const { db, feed, schema, limits } = options;
  const format = createErrorFormatter({ production: options.production, log: options.log });
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => format(e.toJSON(), e));
  const credentials = new WeakMap<object, Credentials>();
  const ttl = options.viewerTtlMs ?? 1_000;
  const rules = [
    ...specifiedRules,
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ...reportInstead }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportInstead }),
  ];

  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes ?? 64 * 1024,
  });

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      onConnect: async (ctx) => {
        const bearer = bearerOf(ctx);
        let resolve: () => Promise<Viewer>;
        if (bearer === null) {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'the authorization must be "Bearer <token>"');
          return false;
        }
        if (bearer !== undefined) {
          resolve = () => viewerFromToken(db, bearer);
        } else {
          const cookie = readCookie(ctx.extra.request as Request, SESSION_COOKIE);
          if (!cookie) {
            ctx.extra.socket.close(
              CloseCode.Unauthorized,
              'sign in or send a token (connectionParams.authorization)',
            );
            return false;
          }
          if (!sameOrigin(ctx.extra.request, options.allowedOrigins ?? [])) return false;
          resolve = () => viewerFromSession(db, cookie);
        }
        const connection = new Credentials(resolve, ttl);
        try {
          await connection.viewer();
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          ctx.extra.socket.close(CloseCode.Unauthorized, error.message);
          return false;
        }
        credentials.set(ctx, connection);
        return true;
      },

      onSubscribe: async (ctx, _id, payload) => {
        const connection = credentials.get(ctx);
        if (!connection) return [requestError('UNAUTHENTICATED', 'sign in or send a token', 401)];
        try {
          const viewer = await connection.viewer();
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: limits.maxTokens });
          } catch (error) {
            return [error as GraphQLError];
          }
          const invalid = validate(schema, document, rules);
          if (invalid.length) return invalid;
          const operation = getOperationAST(document, payload.operationName);
          if (!operation)
            return [requestError('BAD_USER_INPUT', 'the document must name one operation to run', 400)];
          if (operation.operation !== 'subscription') {
            return [
              requestError(
                'BAD_USER_INPUT',
                'only subscriptions are served over WebSocket; send queries and mutations over HTTP',
                400,
              ),
            ];
          }
          const open = Object.keys(ctx.subscriptions).length;
          if (open > (options.maxSubscriptionsPerConnection ?? 50)) {
            return [requestError('RATE_LIMITED', 'too many subscriptions on one connection', 429)];
          }
          const cost = operationCost(schema, operation, document, payload.variables ?? undefined);
          if (cost > limits.maxCost) {
            return [
              requestError(
                'QUERY_TOO_COMPLEX',
                `this subscription costs ${cost} points; the most one operation may cost is ${limits.maxCost}`,
                400,
                {
                  cost,
                  maxCost: limits.maxCost,
                },
              ),
            ];
          }
          const key =
            viewer.kind === 'token' ? `budget:token:${viewer.tokenId}` : `budget:user:${viewer.userId}`;
          const taken = await options.budgets.take(key, cost);
          if (!taken.allowed) {
            return [
              requestError(
                'RATE_LIMITED',
                `the query budget is spent; try again in ${taken.retryAfterSeconds} s`,
                429,
                {
                  cost,
                  retryAfterSeconds: taken.retryAfterSeconds,
                },
              ),
            ];
          }
          const requestId = randomUUID();
          const contextValue = createContext(db, {
            viewer,
            requestId,
            requestScope: { viewer, requestId, ipAddress: ctx.extra.request.socket.remoteAddress ?? null },
          });
          const live: LiveSession = { feed, viewer: () => connection.viewer() };
          contextValue.live = live;
          const args: ExecutionArgs = {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue,
          };
          return args;
        } catch (error) {
          return [
            error instanceof GraphQLError
              ? error
              : new GraphQLError((error as Error).message, { originalError: error as Error }),
          ];
        }
      },

      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: formatAll(result.errors) } : undefined,

      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
    },
    wsServer,
  );

  return {
    stop: async () => {
      await disposable.dispose();
    },
  };
}
