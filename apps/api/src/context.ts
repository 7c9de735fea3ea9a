import { randomUUID } from 'node:crypto';
import { anonymousViewer, type RequestScope, type Viewer } from './common/viewer';
import type { Database } from './db/database';
import type { LiveSession } from './modules/live/streams';

/** Per-request memo of DataLoaders: one instance per key per request, never shared between requests. */
export class Loaders {
  private readonly cache = new Map<string, unknown>();

  get<T>(key: string, make: () => T): T {
    let loader = this.cache.get(key) as T | undefined;
    if (loader === undefined) {
      loader = make();
      this.cache.set(key, loader);
    }
    return loader;
  }

  /** After a write, cached reads may be stale: start over. */
  clear(): void {
    this.cache.clear();
  }
}

/** What a resolver may do to the HTTP exchange (cookies); absent over WebSocket. */
export type HttpExchange = {
  ipAddress: string | null;
  userAgent: string | null;
  secure: boolean;
  setCookie(name: string, value: string, options: { maxAgeSeconds: number }): void;
  clearCookie(name: string): void;
  setHeader(name: string, value: string): void;
};

export type Context = {
  db: Database;
  loaders: Loaders;
  requestId: string;
  viewer: Viewer;
  http: HttpExchange | null;
  /** Shared with the audit log through AsyncLocalStorage. */
  requestScope?: RequestScope;
  /** Over WebSocket only: the change feed, and the viewer read again for every event. */
  live?: LiveSession;
};

export function createContext(
  db: Database,
  options: {
    requestId?: string;
    viewer?: Viewer;
    http?: HttpExchange | null;
    requestScope?: RequestScope;
  } = {},
): Context {
  return {
    db,
    loaders: new Loaders(),
    requestId: options.requestId ?? randomUUID(),
    viewer: options.viewer ?? anonymousViewer,
    http: options.http ?? null,
    requestScope: options.requestScope,
  };
}
