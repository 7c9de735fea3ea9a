import { randomUUID } from 'node:crypto';
import { anonymousViewer, type RequestScope, type Viewer } from './common/viewer';
import type { Database } from './db/database';
import type { LiveSession } from './modules/live/streams';

/** Per-request memo of DataLoaders: one instance per key per request, never shared between requests. */
export class Loaders {
  private readonly cache = new Map<string, unknown>();
  private fields = new WeakMap<object, Map<string, unknown>>();

  get<T>(key: string, make: () => T): T {
    let loader = this.cache.get(key) as T | undefined;
    if (loader === undefined) {
      loader = make();
      this.cache.set(key, loader);
    }
    return loader;
  }

  /**
   * The loader of one field of the document (`info.fieldNodes`: one array per field and path of a
   * compiled document), made by its first parent row and used by all the others: a child list's
   * arguments, filter and joins are the same for every row of a page, so they are worked out once.
   * `name` tells apart resolvers that could share field nodes (fragments on several types).
   */
  forField<T>(info: { fieldNodes: readonly object[] }, name: string, make: () => T): T {
    let byName = this.fields.get(info.fieldNodes);
    if (!byName) {
      byName = new Map();
      this.fields.set(info.fieldNodes, byName);
    }
    let loader = byName.get(name) as T | undefined;
    if (loader === undefined) {
      loader = make();
      byName.set(name, loader);
    }
    return loader;
  }

  /** After a write, cached reads may be stale: start over. */
  clear(): void {
    this.cache.clear();
    this.fields = new WeakMap();
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
