import { PAGE_SIZE } from '@concord/shared';
import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput } from './errors';

export const OrderDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = keyof typeof OrderDirection;
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => Boolean) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Relay paging arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the start, ${PAGE_SIZE.min}–${PAGE_SIZE.max}.`,
  })
  first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the end, ${PAGE_SIZE.min}–${PAGE_SIZE.max}.`,
  })
  last?: number | null;
  @Field(() => String, { nullable: true }) before?: string | null;
}

/**
 * Page arguments, and whether the query reads the connection's pageInfo and its cursors (when
 * unknown, it may). hasNextPage (hasPreviousPage when reading backward) needs one row past the
 * page; a query that does not read pageInfo is spared reading it, and the to-one rows joined to it.
 * A cursor needs each row's sort key as text; a query that reads no cursor is spared that column.
 */
export type PageRequest = PageArgs & { readsPageInfo?: boolean; readsCursors?: boolean };

/** A row as loaders return it: camelCase properties plus the sort key text for cursors. */
export type Row = { id: string; __sort?: string };

export type Connection<T> = {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it: a getter, read only when the field is selected. */
  readonly totalCount: Promise<number> | number;
};

/** Builds `XConnection` and `XEdge` types for a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge, for after/before.' }) cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of records matching the filter, over all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

/** What a page request resolves to, after validation. */
export type Page = {
  /** Rows to return. */
  limit: number;
  /** Rows to read: one more than `limit` when pageInfo must tell whether more follow. */
  fetch: number;
  /** True when reading from the end (last/before): SQL order is reversed, rows reversed after. */
  backward: boolean;
  /** Sort key and id of the cursor to continue from, exclusive. */
  cursor: [string, string] | null;
  hasCursor: boolean;
  /** Whether rows are read with their sort key (`__sort`), which cursors are made of. */
  sortKeys: boolean;
};

export function encodeCursor(sort: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, id])).toString('base64url');
}

function decodeCursor(cursor: string, field: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      if (/^[0-9a-f-]{36}$/.test(value[1])) return [value[0], value[1]];
    }
  } catch {
    // fall through to the typed error
  }
  throw badInput(field, 'is not a valid cursor');
}

function size(value: number, field: string): number {
  if (!Number.isInteger(value) || value < PAGE_SIZE.min || value > PAGE_SIZE.max) {
    throw badInput(field, `must be between ${PAGE_SIZE.min} and ${PAGE_SIZE.max}`);
  }
  return value;
}

/** Validates Relay arguments into a Page. Mixing first with last is refused as ambiguous. */
export function toPage(args: PageRequest): Page {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw badInput('first', 'cannot be combined with last');
  if (after != null && before != null) throw badInput('after', 'cannot be combined with before');
  const backward = last != null || (before != null && first == null);
  if (backward && after != null) throw badInput('after', 'cannot be combined with last');
  const [count, countField, cursor, cursorField] = backward
    ? [last, 'last', before, 'before']
    : [first, 'first', after, 'after'];
  const limit = count != null ? size(count, countField) : PAGE_SIZE.default;
  return {
    limit,
    fetch: args.readsPageInfo === false ? limit : limit + 1,
    backward,
    cursor: cursor != null ? decodeCursor(cursor, cursorField) : null,
    hasCursor: cursor != null,
    sortKeys: args.readsCursors !== false,
  };
}

/** An edge whose cursor is encoded only if a client asks for it (most nested pages never do). */
class Edge<T extends Row> {
  constructor(readonly node: T) {}

  get cursor(): string {
    // A row read without its sort key (the query reads no cursor) never gives a wrong cursor.
    if (this.node.__sort === undefined) throw new Error('a cursor of a row read without its sort key');
    return encodeCursor(this.node.__sort, this.node.id);
  }
}

/** Page information whose cursors are encoded only if a client asks for them. */
class LazyPageInfo<T extends Row> {
  constructor(
    private readonly edges: Edge<T>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

class LazyConnection<T extends Row> implements Connection<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: LazyPageInfo<T>,
    private readonly count: () => Promise<number> | number,
  ) {}

  get totalCount(): Promise<number> | number {
    return this.count();
  }
}

/** Turns up to `page.fetch` rows (in SQL order) into a connection; `count` runs only if totalCount is read. */
export function toConnection<T extends Row>(
  rows: T[],
  page: Page,
  count: () => Promise<number> | number,
): Connection<T> {
  const more = rows.length > page.limit;
  const kept = more ? rows.slice(0, page.limit) : rows;
  if (page.backward) kept.reverse();
  const edges = kept.map((node) => new Edge(node));
  const pageInfo = new LazyPageInfo(
    edges,
    page.backward ? page.hasCursor : more,
    page.backward ? more : page.hasCursor,
  );
  return new LazyConnection(edges, pageInfo, count);
}
