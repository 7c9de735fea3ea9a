import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLError, ValidationContext } from 'graphql';
import { admission } from './common/admission';
import { apolloHandler } from './common/apollo-express';
import { BudgetLedger } from './common/budget-ledger';
import { compiledExecution } from './common/compiled-execution';
import { AppError, createErrorFormatter } from './common/errors';
import { guardPlugin } from './common/guard';
import { ExpressExchange, HttpRequestScope, readBearer, readCookie } from './common/http';
import { defaultLimits, type Limits, limitsPlugin } from './common/limits';
import { anonymousViewer, requestScope, type Viewer } from './common/viewer';
import { type Context, createContext } from './context';
import type { Database } from './db/database';
import { SESSION_COOKIE, viewerFromSession, viewerFromToken } from './modules/accounts/session.service';
import { exportRoutes } from './modules/exports/export.routes';
import { installHistory } from './modules/history/history.hooks';
import { type Live, startLive, subscriptionsOverHttpRefused } from './modules/live/live';
import { createSchema } from './schema';

export type ServerOptions = {
  db: Database;
  production?: boolean;
  bodyLimitBytes?: number;
  limits?: Limits;
  /** Mark cookies Secure even when the request arrived over plain HTTP (behind a TLS proxy). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-For from this many proxies, for the client address. */
  trustProxy?: string | number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Browser origins besides the API's own that may open a WebSocket with a session cookie. */
  allowedOrigins?: readonly string[];
  /** GraphQL requests executing at once in this process, and how many may wait (see common/admission.ts). */
  admission?: { concurrency: number; queue: number };
  /** How often this process records the query budgets it charged in the shared buckets (ms). */
  budgetFlushIntervalMs?: number;
  /** Background work of this process (the job queue), stopped with the server. */
  background?: { stop(): Promise<void> };
};

export type ApiServer = {
  httpServer: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
};

const jsonError = (res: express.Response, status: number, message: string, code: string) => {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
};

/** Express answers body errors with HTML before Apollo sees the request; answer them in JSON. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large')
    return jsonError(res, 413, 'the request body is too large', 'BAD_USER_INPUT');
  if (type === 'entity.parse.failed')
    return jsonError(res, 400, 'the request body is not valid JSON', 'BAD_USER_INPUT');
  if (type) return jsonError(res, 400, 'the request body could not be read', 'BAD_USER_INPUT');
  next(error);
};

/** One GraphQL request per HTTP request: a JSON array (batch) is refused before it costs anything. */
const refuseBatches: RequestHandler = (req, res, next) => {
  if (Array.isArray(req.body))
    return jsonError(res, 400, 'batched requests are not supported; send one operation', 'BAD_USER_INPUT');
  next();
};

const reportInstead = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/** Builds the HTTP server: GraphQL at /graphql, health probes at /health/*. Tests use it too. */
export async function createApiServer(options: ServerOptions): Promise<ApiServer> {
  const log = options.log ?? ((message, details) => console.error(message, details ?? ''));
  const production = options.production ?? false;
  const limits = options.limits ?? defaultLimits;
  const { db } = options;
  const app = express();
  app.disable('x-powered-by');
  // No ETags: Express would hash every response body (half a megabyte for a large page) to make
  // one, and GraphQL answers to POST requests are not cached by validators anyway.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  const httpServer = createServer(app);
  // Slow clients cannot hold sockets open forever.
  httpServer.requestTimeout = 30_000;
  httpServer.headersTimeout = 15_000;
  httpServer.keepAliveTimeout = 5_000;
  const schema = await createSchema();
  const budgets = new BudgetLedger(db, limits.budget, {
    log,
    flushIntervalMs: options.budgetFlushIntervalMs,
  });
  installHistory(db);
  // Subscriptions on the same port and path; the change log of this process's writes starts here too.
  const live: Live = await startLive({
    db,
    httpServer,
    schema,
    limits,
    budgets,
    production,
    allowedOrigins: options.allowedOrigins,
    log,
  });

  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(schema, (operationName, reason) =>
      log('graphql-jit could not compile an operation; it runs on graphql-js', { operationName, reason }),
    ),
    introspection: true,
    // The process's entry (main.ts) owns SIGTERM and SIGINT: it stops this server, then closes the
    // pool and the embedded database, then exits. Apollo's own handlers (installed outside tests)
    // would stop the server and re-raise the signal, which the entry's handler then swallows: the
    // pool was never closed and the process lingered until its idle connections timed out (≈ 10 s).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    // The rules throw by default, which Apollo turns into a 500; report as validation errors instead.
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ...reportInstead }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportInstead }),
    ],
    formatError: createErrorFormatter({
      production,
      log: (error, context) =>
        log('unexpected error', {
          error: String((error as Error)?.stack ?? error),
          ...context,
          requestId: requestScope.getStore()?.requestId,
        }),
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      guardPlugin({ production }),
      limitsPlugin(schema, limits, budgets),
      subscriptionsOverHttpRefused(),
      {
        // WebSocket clients go first, so that draining HTTP does not wait for them; the listener
        // and the job queue close once requests are done.
        async serverWillStart() {
          return {
            drainServer: () => live.stopConnections(),
            async serverWillStop() {
              await live.stop();
              await budgets.stop();
              await options.background?.stop();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });

  /** Who is asking, resolved once per request; kept in AsyncLocalStorage for the audit log. */
  const identify: RequestHandler = async (req, res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    let viewer: Viewer = anonymousViewer;
    try {
      const bearer = readBearer(req);
      if (bearer !== undefined) {
        if (!bearer)
          throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
        viewer = await viewerFromToken(db, bearer);
      } else {
        const cookie = readCookie(req, SESSION_COOKIE);
        if (cookie) viewer = await viewerFromSession(db, cookie);
      }
    } catch (error) {
      if (error instanceof AppError) return jsonError(res, 401, error.message, error.code);
      log('could not identify the caller', { error: String(error), requestId });
      return jsonError(res, 503, 'the service is unavailable; try again shortly', 'SERVICE_UNAVAILABLE');
    }
    const exchange = new ExpressExchange(req, res, { secureCookies: options.secureCookies ?? false });
    const scope = new HttpRequestScope(viewer, requestId, exchange);
    res.locals.scope = scope;
    requestScope.run(scope, next);
  };

  // File exports (CSV, CAP, IATI) with the same credentials and read rules as GraphQL.
  app.use('/exports', identify, exportRoutes({ db, log }));

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimitBytes ?? 1_000_000 }),
    bodyErrors,
    refuseBatches,
    identify,
    admission({
      concurrency: options.admission?.concurrency ?? 8,
      queue: options.admission?.queue ?? 1_000,
      refuse: (res) => {
        res.setHeader('Retry-After', '1');
        jsonError(res, 503, 'the service is busy; try again shortly', 'SERVICE_UNAVAILABLE');
      },
    }),
    apolloHandler(apollo, async ({ res }) => {
      const scope = res.locals.scope as HttpRequestScope;
      return createContext(db, {
        requestId: scope.requestId,
        viewer: scope.viewer,
        requestScope: scope,
        http: scope.exchange,
      });
    }),
  );

  return {
    httpServer,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: () => apollo.stop(),
  };
}
