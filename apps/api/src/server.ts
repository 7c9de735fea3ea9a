import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { createErrorFormatter } from './common/errors';
import { type Context, createContext } from './context';
import type { Database } from './db/database';
import { createSchema } from './schema';

export type ServerOptions = {
  db: Database;
  production?: boolean;
  bodyLimitBytes?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
};

export type ApiServer = {
  httpServer: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
};

const jsonError = (status: number, message: string, code: string) => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
});

/** Express answers body errors with HTML before Apollo sees the request; answer them in JSON. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  const reply =
    type === 'entity.too.large'
      ? jsonError(413, 'the request body is too large', 'BAD_USER_INPUT')
      : type === 'entity.parse.failed'
        ? jsonError(400, 'the request body is not valid JSON', 'BAD_USER_INPUT')
        : type
          ? jsonError(400, 'the request body could not be read', 'BAD_USER_INPUT')
          : null;
  if (!reply) return next(error);
  res.status(reply.status).type('application/json').send(JSON.stringify(reply.body));
};

/** Builds the HTTP server: GraphQL at /graphql, health probes at /health/*. Tests use it too. */
export async function createApiServer(options: ServerOptions): Promise<ApiServer> {
  const log = options.log ?? ((message, details) => console.error(message, details ?? ''));
  const production = options.production ?? false;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const schema = await createSchema();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    formatError: createErrorFormatter({
      production,
      log: (error, context) => log('unexpected error', { error: String((error as Error)?.stack ?? error), ...context }),
    }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await options.db.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimitBytes ?? 1_000_000 }),
    bodyErrors,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers['x-request-id'];
        const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
        return createContext(options.db, requestId);
      },
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
