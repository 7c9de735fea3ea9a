import DataLoader from 'dataloader';
import type { QueryResultRow } from 'pg';
import type { Database, Queryable } from '../db/database';
import {
  type Connection,
  type OrderDirection,
  type Page,
  type PageRequest,
  type Row,
  toConnection,
  toPage,
} from './connection';
import type { Projection } from './projection';
import { Sql } from './sql';
import type { Viewer } from './viewer';

/** One way a list can be ordered: a SQL expression and the type its cursor text is cast back to. */
export type OrderOption = { expr: string; cast: string };

/** How to read a list of one kind of record. */
export type ListSpec = {
  name: string;
  /** FROM clause, e.g. `task t`. */
  from: string;
  alias: string;
  /** Every column. */
  select: string;
  orders: Record<string, OrderOption>;
  /** Property → column, for select lists of a projection. */
  columns: Record<string, string>;
  /** Relation fields whose resolvers read only the row's id and key columns (never its other fields). */
  keyReaders: ReadonlySet<string>;
  /** What each projection selects, worked out once per projection (projections are per document field). */
  projected: WeakMap<Projection, Projected>;
  everyColumn: Projected;
};

/**
 * The select list for rows of which a query reads `projection`: the columns of the fields asked
 * for, and every column that is not itself a field of the type (keys and internal state, which
 * resolvers and read rules use). Every column unless each field asked for is a column, `id`,
 * `__typename` or one of the spec's key readers: other field resolvers may read any column.
 */
export function selectList(spec: ListSpec, projection: Projection | null | undefined): string {
  return projected(spec, projection).select;
}

/**
 * A short stand-in for a select list, for the keys of per-request loaders: resolvers ask for a
 * loader once per row, and keys made of whole select lists were hashed and compared each time.
 */
const selectIds = new Map<string, string>();
function selectId(select: string): string {
  let id = selectIds.get(select);
  if (id === undefined) {
    id = `s${selectIds.size}`;
    selectIds.set(select, id);
  }
  return id;
}

/** The columns a projection reads of a list (every column when it asks for more than columns). */
export type Projected = { props: string[]; select: string; id: string };

export function projected(spec: ListSpec, projection: Projection | null | undefined): Projected {
  if (!projection) return spec.everyColumn;
  let known = spec.projected.get(projection);
  if (!known) {
    const props = projectedProps(spec, projection);
    if (props) {
      const select = prefixedColumns(spec.alias, spec.columns, props, '');
      known = { props, select, id: selectId(select) };
    } else known = spec.everyColumn;
    spec.projected.set(projection, known);
  }
  return known;
}

/** `alias.column AS "<prefix>prop"` for each property. */
export function prefixedColumns(
  alias: string,
  columns: Record<string, string>,
  props: readonly string[],
  prefix: string,
): string {
  return props.map((prop) => `${alias}.${columns[prop]} AS "${prefix}${prop}"`).join(', ');
}

/** `<prefix>prop` for each of `props`, made once per props array (they are read for every row). */
const prefixedNames = new Map<string, WeakMap<readonly string[], string[]>>();
function namesOf(prefix: string, props: readonly string[]): string[] {
  let byProps = prefixedNames.get(prefix);
  if (!byProps) {
    byProps = new WeakMap();
    prefixedNames.set(prefix, byProps);
  }
  let names = byProps.get(props);
  if (!names) {
    names = props.map((prop) => `${prefix}${prop}`);
    byProps.set(props, names);
  }
  return names;
}

/** The properties read under `prefix` (see prefixedColumns) out of a joined row. */
export function pickPrefixed<T>(row: Record<string, unknown>, prefix: string, props: readonly string[]): T {
  const names = namesOf(prefix, props);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < props.length; i++) out[props[i]] = row[names[i]];
  return out as T;
}

/** The properties `selectList` selects, or null for every column. */
function projectedProps(spec: ListSpec, projection: Projection): string[] | null {
  for (const field of projection.fields) {
    if (field !== '__typename' && !(field in spec.columns) && !spec.keyReaders.has(field)) return null;
  }
  const typeFields = projection.type.getFields();
  return Object.keys(spec.columns).filter(
    (prop) => prop === 'id' || !(prop in typeFields) || projection.fields.has(prop),
  );
}

/**
 * A to-one relation read in the statement of the rows that point to it (a task's plan with the
 * task), when the query asks for it: a LEFT JOIN LATERAL with the related list's own read rule,
 * whose row (or null, when the rule hides it) is primed into that list's loader, so that the
 * relation's resolver finds it there instead of sending a statement of its own.
 */
export type Join = {
  /** Property of the row that holds the related row's id, e.g. `planId`. */
  key: string;
  spec: ListSpec;
  filter: Filter;
  /** What the query reads of the related rows. */
  projection: Projection;
  /** The related list's loader for that projection, primed with what the join read. */
  loader: DataLoader<string, Row | null>;
  /** The related row's own to-one joins (an assignment's task's plan), read in the same statement. */
  joins?: readonly (Join | null | undefined)[];
};

/**
 * A join placed in a statement: `alias` names its subquery (`__j0`, nested `__j0_1`), its columns
 * come out as `<alias>.<prop>`, and `keyColumn` is the output column that holds the related id.
 */
type PlannedJoin = Join & {
  props: string[];
  alias: string;
  prefix: string;
  keyColumn: string;
  nested: PlannedJoin[];
};

function planJoins(
  spec: ListSpec,
  joins: readonly (Join | null | undefined)[] | undefined,
  parentAlias?: string,
): PlannedJoin[] {
  return (joins ?? []).flatMap((join, index) => {
    if (!join || !(join.key in spec.columns)) return [];
    const props = projected(join.spec, join.projection).props;
    const alias = parentAlias ? `${parentAlias}_${index}` : `__j${index}`;
    // A nested join's key is a column its parent join reads.
    const nested = planJoins(join.spec, join.joins, alias).filter((n) => props.includes(n.key));
    return [
      {
        ...join,
        props,
        alias,
        prefix: `${alias}.`,
        keyColumn: parentAlias ? `${parentAlias}.${join.key}` : join.key,
        nested,
      },
    ];
  });
}

/** FROM-clause additions and select-list additions of the planned joins, parameters placed in `q`. */
function joinSql(spec: ListSpec, joins: PlannedJoin[], q: Sql): { from: string; select: string } {
  const from: string[] = [];
  const select: string[] = [];
  for (const join of joins) {
    const part = q.part();
    part.and(`${join.spec.alias}.id = ${spec.alias}.${spec.columns[join.key]}`);
    join.filter(part);
    const columns = prefixedColumns(join.spec.alias, join.spec.columns, join.props, join.prefix);
    const nested = joinSql(join.spec, join.nested, q);
    from.push(
      `LEFT JOIN LATERAL (SELECT ${columns}${nested.select} FROM ${join.spec.from} ${nested.from} ${part.whereClause()}) ${join.alias} ON TRUE`,
    );
    select.push(`${join.alias}.*`);
  }
  return { from: from.join(' '), select: select.length ? `, ${select.join(', ')}` : '' };
}

/** Primes each join's loader with the related rows read along with `rows`. */
function primeJoins(rows: readonly Row[], joins: PlannedJoin[]): void {
  for (const join of joins) {
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      const id = record[join.keyColumn];
      if (typeof id !== 'string') continue;
      const related =
        record[`${join.prefix}id`] != null ? pickPrefixed<Row>(record, join.prefix, join.props) : null;
      join.loader.prime(id, related);
    }
    primeJoins(rows, join.nested);
  }
}

/** Distinguishes loaders that read the same rows with different joins. */
export function joinsKey(joins: readonly (Join | null | undefined)[] | undefined): string {
  return (joins ?? [])
    .map((join) =>
      join
        ? `${join.key}:${projected(join.spec, join.projection).id}${join.joins?.length ? `(${joinsKey(join.joins)})` : ''}`
        : '-',
    )
    .join('|');
}

export type Order = { field: string; direction: OrderDirection };

/**
 * List statements are built from fixed fragments with every value a parameter (page sizes aside,
 * which are bounded), so their texts form a small set: each is prepared once per connection.
 */
const PREPARED = { prepared: true } as const;
export type Filter = (q: Sql) => void;

function ordering(spec: ListSpec, order: Order, page: Page) {
  const option = spec.orders[order.field];
  if (!option) throw new Error(`${spec.name} cannot be ordered by ${order.field}`);
  const ascending = (order.direction === 'ASC') !== page.backward;
  const dir = ascending ? 'ASC' : 'DESC';
  return {
    option,
    orderBy: `${option.expr} ${dir}, ${spec.alias}.id ${dir}`,
    keyset: (q: Sql) => {
      if (!page.cursor) return;
      const [sort, id] = page.cursor;
      q.and(
        `(${option.expr}, ${spec.alias}.id) ${ascending ? '>' : '<'} (${q.p(sort)}::${option.cast}, ${q.p(id)}::uuid)`,
      );
    },
  };
}

/** The sort key of each row as text, for cursors: only when the query reads one. */
const sortKey = (option: OrderOption, page: Page) =>
  page.sortKeys ? `, (${option.expr})::text AS "__sort"` : '';

/** A page of a top-level list: one statement for the rows, one more only if totalCount is asked. */
export async function listPage<T extends Row = Row>(
  db: Queryable,
  spec: ListSpec,
  filter: Filter,
  order: Order,
  page: Page,
  select = spec.select,
): Promise<Connection<T>> {
  const q = new Sql();
  filter(q);
  const counting = new Sql();
  counting.wholeSet = true;
  filter(counting);
  const { option, orderBy, keyset } = ordering(spec, order, page);
  keyset(q);
  const rows = await db.query<T & QueryResultRow>(
    `SELECT ${select}${sortKey(option, page)} FROM ${spec.from} ${q.whereClause()} ORDER BY ${orderBy} LIMIT ${page.fetch}`,
    q.params,
    PREPARED,
  );
  return toConnection(rows, page, async () => {
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${spec.from} ${counting.whereClause()}`,
      counting.params,
      PREPARED,
    );
    return n;
  });
}

/**
 * Pages of a list per parent (plan → tasks), for a whole batch of parents in one statement:
 * a LATERAL subquery takes each parent's first rows through the (parent, sort, id) index.
 */
export function pageLoader(
  db: Queryable,
  spec: ListSpec,
  parentExpr: string,
  filter: Filter,
  order: Order,
  page: Page,
  select = spec.select,
  joins?: readonly (Join | null | undefined)[],
): DataLoader<string, Connection<Row>> {
  const planned = planJoins(spec, joins);
  let countLoader: DataLoader<string, number> | undefined;
  const counts = () => {
    countLoader ??= new DataLoader<string, number>(async (keys) => {
      const q = new Sql();
      q.wholeSet = true;
      q.and(q.in(parentExpr, keys));
      filter(q);
      const rows = await db.query<{ parent: string; n: number }>(
        `SELECT ${parentExpr} AS parent, count(*)::int AS n FROM ${spec.from} ${q.whereClause()} GROUP BY 1`,
        q.params,
        PREPARED,
      );
      const byParent = new Map(rows.map((r) => [r.parent, r.n]));
      return keys.map((k) => byParent.get(k) ?? 0);
    });
    return countLoader;
  };

  return new DataLoader<string, Connection<Row>>(async (keys) => {
    const q = new Sql();
    const keyRows = q.keyRows(keys);
    q.and(`${parentExpr} = k.id`);
    filter(q);
    const { option, orderBy, keyset } = ordering(spec, order, page);
    keyset(q);
    const joined = joinSql(spec, planned, q);
    const rows = await db.query<Row & { __parent: string }>(
      `SELECT x.* FROM ${keyRows} CROSS JOIN LATERAL (
         SELECT ${select}${joined.select}${sortKey(option, page)}, k.id AS "__parent"
         FROM ${spec.from} ${joined.from} ${q.whereClause()} ORDER BY ${orderBy} LIMIT ${page.fetch}
       ) x`,
      q.params,
      PREPARED,
    );
    primeJoins(rows, planned);
    const byParent = groupByParent(rows, (row) => row);
    return keys.map((key) => toConnection(byParent.get(key) ?? [], page, () => counts().load(key)));
  });
}

/**
 * A DataLoader of rows by id that also answers at once for rows it already holds (read along with
 * the rows pointing to them, by a join): `get` returns the row itself then, a promise otherwise. A
 * thousand assignments' actors are then a thousand plain values for the executor, not promises.
 */
export class RowLoader<T> extends DataLoader<string, T | null> {
  private readonly known = new Map<string, T | null>();

  /**
   * Held here only, not also as a settled promise in DataLoader's cache: joins prime thousands of
   * rows a request, and `load` answers for them from here.
   */
  override prime(key: string, value: T | null | Error): this {
    if (value instanceof Error) return super.prime(key, value);
    if (!this.known.has(key)) this.known.set(key, value);
    return this;
  }

  override load(key: string): Promise<T | null> {
    const row = this.known.get(key);
    return row !== undefined ? Promise.resolve(row) : super.load(key);
  }

  override clear(key: string): this {
    this.known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }

  /** The row (or null for a miss) when held, else the promise of it. */
  get(key: string): T | null | Promise<T | null> {
    const row = this.known.get(key);
    return row !== undefined ? row : super.load(key);
  }
}

/**
 * Rows by id, one statement per batch, `null` for a miss, in key order. `filter` (e.g. what the
 * viewer may read) makes a row outside it a miss too.
 */
export function rowsById<T extends Row = Row>(
  db: Queryable,
  spec: ListSpec,
  filter?: Filter,
  select = spec.select,
  joins?: readonly (Join | null | undefined)[],
): RowLoader<T> {
  const planned = planJoins(spec, joins);
  return new RowLoader<T>(async (ids) => {
    const q = new Sql();
    q.and(q.in(`${spec.alias}.id`, ids));
    filter?.(q);
    const joined = joinSql(spec, planned, q);
    const rows = await db.query<T>(
      `SELECT ${select}${joined.select} FROM ${spec.from} ${joined.from} ${q.whereClause()}`,
      q.params,
      PREPARED,
    );
    primeJoins(rows, planned);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Rows grouped by a parent column, one statement per batch (small, unpaged child lists). */
export function rowsByParent<T extends Row = Row>(
  db: Queryable,
  spec: ListSpec,
  parentColumn: string,
  orderBy: string,
  filter?: Filter,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const q = new Sql();
    q.and(q.in(parentColumn, keys));
    filter?.(q);
    const rows = await db.query<T & { __parent: string }>(
      `SELECT ${spec.select}, ${parentColumn} AS "__parent" FROM ${spec.from} ${q.whereClause()} ORDER BY ${orderBy}`,
      q.params,
      PREPARED,
    );
    const byParent = groupByParent(rows, (row) => row as T);
    return keys.map((k) => byParent.get(k) ?? []);
  });
}

/** A list spec from its parts; what projections select is worked out as they come. */
export function listSpec(parts: Omit<ListSpec, 'projected' | 'everyColumn'>): ListSpec {
  return {
    ...parts,
    projected: new WeakMap(),
    everyColumn: { props: Object.keys(parts.columns), select: parts.select, id: selectId(parts.select) },
  };
}

/**
 * Declares a list over an entity's table. The select list comes from TypeORM's metadata, so the
 * entity stays the one description of the columns; it is built once per database.
 */
export function defineList(
  name: string,
  entity: Function,
  alias: string,
  orders: Record<string, OrderOption>,
  options: { keyReaders?: readonly string[] } = {},
): (db: Database) => ListSpec {
  const cache = new WeakMap<Database, ListSpec>();
  return (db) => {
    let spec = cache.get(db);
    if (!spec) {
      const columns = db.columns(entity);
      spec = listSpec({
        name,
        from: `${columns.table} ${alias}`,
        alias,
        select: columns.select(alias),
        orders,
        columns: columns.column,
        keyReaders: new Set(options.keyReaders ?? []),
      });
      cache.set(db, spec);
    }
    return spec;
  };
}

/**
 * The page of a child list for one parent, batched with every other parent asking for the same
 * page in this request (same filter, order and page arguments → same loader).
 */
export function childPage<T extends Row = Row>(
  ctx: { db: Database; loaders: { get<L>(key: string, make: () => L): L } },
  spec: ListSpec,
  parentExpr: string,
  parentId: string,
  options: ChildPageOptions,
): Promise<Connection<T>> {
  return childPages<T>(ctx, spec, parentExpr, options).load(parentId);
}

export type ChildPageOptions = {
  filterKey?: unknown;
  filter?: Filter;
  order: Order;
  args: PageRequest;
  /** What the query reads of the rows; every column when absent. */
  projection?: Projection | null;
  /** To-one relations to read in the same statement. */
  joins?: readonly (Join | null | undefined)[];
};

/** The loader of childPage: the page for any parent, by parent id. */
export function childPages<T extends Row = Row>(
  ctx: { db: Database; loaders: { get<L>(key: string, make: () => L): L } },
  spec: ListSpec,
  parentExpr: string,
  options: ChildPageOptions,
): DataLoader<string, Connection<T>> {
  const { select, id } = projected(spec, options.projection);
  const key = `${spec.name}|${parentExpr}|${id}|${joinsKey(options.joins)}|${JSON.stringify([options.filterKey ?? null, options.order, options.args])}`;
  return ctx.loaders.get(key, () =>
    pageLoader(
      ctx.db,
      spec,
      parentExpr,
      options.filter ?? (() => {}),
      options.order,
      toPage(options.args),
      select,
      options.joins,
    ),
  ) as unknown as DataLoader<string, Connection<T>>;
}

/** Groups batched rows by the `__parent` key each carries, keeping their SQL order within a parent. */
export function groupByParent<R extends { __parent: string }, T>(
  rows: readonly R[],
  map: (row: R) => T,
): Map<string, T[]> {
  const byParent = new Map<string, T[]>();
  for (const row of rows) {
    const item = map(row);
    const list = byParent.get(row.__parent);
    if (list) list.push(item);
    else byParent.set(row.__parent, [item]);
  }
  return byParent;
}

type LoaderContext = {
  db: Database;
  viewer: Viewer;
  loaders: { get<L>(key: string, make: () => L): L };
};

/**
 * Rows of a list by id, read under `rule` (the viewer's read rule; none for public records): `load`
 * gives the request's loader for a projection (and joins of its own), `join` the to-one join that
 * reads the rows along with the rows pointing to them, primed into that same loader.
 */
export function byId<T extends Row>(
  name: string,
  list: (db: Database) => ListSpec,
  rule?: (viewer: Viewer) => Filter,
) {
  // A relation's resolver asks for its loader once per row (an assignment's actor: thousands of
  // times on a page); without joins the loader's key depends on the projection alone, kept here.
  const keys = new WeakMap<Projection, string>();
  const keyOf = (spec: ListSpec, projection?: Projection | null, joins?: readonly (Join | null)[]) => {
    if (joins?.length || !projection) return `${name}|${projected(spec, projection).id}|${joinsKey(joins)}`;
    let key = keys.get(projection);
    if (key === undefined) {
      key = `${name}|${projected(spec, projection).id}|`;
      keys.set(projection, key);
    }
    return key;
  };
  const load = (
    ctx: LoaderContext,
    projection?: Projection | null,
    joins?: readonly (Join | null)[],
  ): RowLoader<T> => {
    const spec = list(ctx.db);
    return ctx.loaders.get(keyOf(spec, projection, joins), () =>
      rowsById<T>(ctx.db, spec, rule?.(ctx.viewer), projected(spec, projection).select, joins),
    );
  };
  /**
   * `implied`: the rows pointing to the related row are readable only when it is (a task's plan, an
   * assignment's task: the read rules of common/visibility.ts give the one only with the other),
   * so its rule would check again what the referring rows' rule already did, and is left out.
   */
  const join = (
    ctx: LoaderContext,
    key: string,
    projection: Projection | null,
    options: { implied?: boolean; joins?: readonly (Join | null)[] } = {},
  ): Join | null =>
    projection && {
      key,
      spec: list(ctx.db),
      filter: (!options.implied && rule?.(ctx.viewer)) || (() => {}),
      projection,
      loader: load(ctx, projection) as unknown as DataLoader<string, Row | null>,
      joins: options.joins,
    };
  return { load, join };
}
