import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { BudgetLedger } from '../../common/budget-ledger';
import { requestError } from '../../common/guard';
import type { Limits } from '../../common/limits';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { SESSIONS_CHANNEL, sessionCacheOf, TOKENS_CHANNEL, tokenCacheOf } from '../accounts/credential-cache';
import { ChangeFeed } from './change-feed';
import { installChangeLog } from './change-log';
import { startLiveServer } from './ws-server';

export type Live = { feed: ChangeFeed; stopConnections(): Promise<void>; stop(): Promise<void> };

/** Live updates of one API process: the change log of its writes, the shared feed, and the WebSocket endpoint. */
export async function startLive(options: {
  db: Database;
  httpServer: Server;
  schema: GraphQLSchema;
  limits: Limits;
  budgets: BudgetLedger;
  production: boolean;
  allowedOrigins?: readonly string[];
  log: (message: string, details?: Record<string, unknown>) => void;
}): Promise<Live> {
  const { db, log } = options;
  installChangeLog(db);
  // The same connection tells the process's credential caches which tokens and users to forget.
  const tokens = tokenCacheOf(db);
  const sessions = sessionCacheOf(db);
  const feed: ChangeFeed = new ChangeFeed(db, {
    connection: ChangeFeed.connectionOf(db),
    log,
    channels: {
      [TOKENS_CHANNEL]: (tokenId) => tokens.forget(tokenId),
      [SESSIONS_CHANNEL]: (userId) => sessions.forget(userId),
    },
    onListening: () => {
      tokens.follow(() => feed.listening);
      sessions.follow(() => feed.listening);
    },
  });
  await feed.start();
  const ws = startLiveServer({
    ...options,
    feed,
    log: (error, context) =>
      log('unexpected error', { error: String((error as Error)?.stack ?? error), ...context }),
  });
  let wsStopped: Promise<void> | null = null;
  const stopConnections = () => {
    wsStopped ??= ws.stop();
    return wsStopped;
  };
  return {
    feed,
    stopConnections,
    stop: async () => {
      await stopConnections();
      await feed.stop();
    },
  };
}

/** Over HTTP a subscription would run once as a query and answer nothing useful: say where to go instead. */
export function subscriptionsOverHttpRefused(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw requestError(
              'BAD_USER_INPUT',
              'subscriptions are served over WebSocket (graphql-transport-ws) at this path',
              400,
            );
          }
        },
      };
    },
  };
}
