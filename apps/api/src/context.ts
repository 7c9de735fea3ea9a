import { randomUUID } from 'node:crypto';
import type { Database } from './db/database';

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

export type Context = {
  db: Database;
  loaders: Loaders;
  requestId: string;
};

export function createContext(db: Database, requestId: string = randomUUID()): Context {
  return { db, loaders: new Loaders(), requestId };
}
