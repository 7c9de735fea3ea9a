import DataLoader from 'dataloader';
import { type Connection, type Page, type PageInfo, toConnection } from '../../common/connection';
import type { PartnershipKind, PartnershipStatus } from '../../common/enums';
import { groupByParent, type Projected, pickPrefixed, prefixedColumns } from '../../common/listing';
import { Sql } from '../../common/sql';
import type { Database } from '../../db/database';
import { Actor } from '../actors/actor.entity';
import type { PartnerDirection } from './partner.types';
import { Partnership } from './partnership.entity';
import { validOn } from './partnership.loaders';

/** Which partnerships count, the same for every parent actor in a batch. */
export type PartnerCriteria = {
  kinds: PartnershipKind[] | null;
  status: PartnershipStatus | null;
  asOf: string | null;
};

export type PartnerEdgeRow = {
  cursor: string;
  node: Actor & { id: string };
  partnership: Partnership & { id: string };
  direction: PartnerDirection;
};

export type PartnerPage = {
  edges: PartnerEdgeRow[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
};

const A = 'a:';
const P = 'p:';

/** The partnership conditions (alias `p`), written once and placed in both directions' branches. */
function criteriaSql(q: Sql, criteria: PartnerCriteria): string {
  const conditions = ['TRUE'];
  if (criteria.kinds?.length) conditions.push(q.in('p.kind', criteria.kinds, 'partnership_kind'));
  if (criteria.status) conditions.push(`p.status = ${q.p(criteria.status)}::partnership_status`);
  if (criteria.asOf) conditions.push(validOn(q, 'p', criteria.asOf));
  return conditions.join(' AND ');
}

/**
 * An actor's partners, both directions of every edge, for a whole batch of actors in one statement:
 * per actor, a LATERAL subquery unions its outgoing edges (through the source index) and incoming
 * edges (through the target index), joins the actor at the other end, and keeps the first rows in
 * (partner name, partnership id) order. The partnership id makes the order total, since one actor
 * can be a partner through several partnerships. Only the columns the query reads of the partners
 * and partnerships are selected (`read`).
 */
export function partnerPageLoader(
  db: Database,
  criteria: PartnerCriteria,
  page: Page,
  read: { actor: Projected; partnership: Projected },
): DataLoader<string, PartnerPage> {
  const actorCols = db.columns(Actor);
  const partnershipCols = db.columns(Partnership);
  const actorProps = read.actor.props;
  const partnershipProps = read.partnership.props;
  let countLoader: DataLoader<string, number> | undefined;
  const counts = () => {
    countLoader ??= partnerCountLoader(db, criteria);
    return countLoader;
  };

  return new DataLoader<string, PartnerPage>(async (keys) => {
    const q = new Sql();
    const keyRows = q.keyRows(keys);
    const where = criteriaSql(q, criteria);
    const ascending = !page.backward;
    const dir = ascending ? 'ASC' : 'DESC';
    let keyset = '';
    if (page.cursor) {
      const [name, id] = page.cursor;
      keyset = `WHERE (a.name, e.id) ${ascending ? '>' : '<'} (${q.p(name)}::text, ${q.p(id)}::uuid)`;
    }
    const rows = await db.query<
      Record<string, unknown> & { __parent: string; __sort: string; __direction: string }
    >(
      `SELECT x.* FROM ${keyRows} CROSS JOIN LATERAL (
         SELECT ${prefixedColumns('a', actorCols.column, actorProps, A)}, ${prefixedColumns('e', partnershipCols.column, partnershipProps, P)},
                e.direction AS "__direction", a.name AS "__sort", k.id AS "__parent"
         FROM (
           SELECT p.*, p.target_id AS partner_id, 'OUTGOING' AS direction
             FROM ${partnershipCols.table} p WHERE p.source_id = k.id AND ${where}
           UNION ALL
           SELECT p.*, p.source_id AS partner_id, 'INCOMING' AS direction
             FROM ${partnershipCols.table} p WHERE p.target_id = k.id AND ${where}
         ) e
         JOIN ${actorCols.table} a ON a.id = e.partner_id
         ${keyset}
         ORDER BY a.name ${dir}, e.id ${dir}
         LIMIT ${page.fetch}
       ) x`,
      q.params,
      { prepared: true },
    );
    const byParent = groupByParent(rows, (row) => {
      const partnership = pickPrefixed<PartnerEdgeRow['partnership']>(row, P, partnershipProps);
      return {
        id: partnership.id,
        __sort: row.__sort,
        edge: {
          node: pickPrefixed<PartnerEdgeRow['node']>(row, A, actorProps),
          partnership,
          direction: row.__direction as PartnerDirection,
        },
      };
    });
    return keys.map(
      (key) => new PartnerConnection(toConnection(byParent.get(key) ?? [], page, () => counts().load(key))),
    );
  });
}

type GroupedRow = { id: string; __sort: unknown; edge: Omit<PartnerEdgeRow, 'cursor'> };

/**
 * A partner edge: the partner, the partnership, the direction, and the cursor encoded only when
 * read. Classes rather than object literals with getters: V8 gives each literal with its own
 * getter closure a hidden class of its own, which young-generation collections keep alive (and the
 * whole request with it) until the next full collection.
 */
class PartnerEdge implements PartnerEdgeRow {
  readonly node: PartnerEdgeRow['node'];
  readonly partnership: PartnerEdgeRow['partnership'];
  readonly direction: PartnerDirection;

  constructor(private readonly from: Connection<GroupedRow>['edges'][number]) {
    const { edge } = from.node;
    this.node = edge.node;
    this.partnership = edge.partnership;
    this.direction = edge.direction;
  }

  get cursor(): string {
    return this.from.cursor;
  }
}

/** A page of partners; counted only when totalCount is read. */
class PartnerConnection implements PartnerPage {
  readonly edges: PartnerEdge[];
  readonly pageInfo: PageInfo;

  constructor(private readonly connection: Connection<GroupedRow>) {
    this.edges = connection.edges.map((edge) => new PartnerEdge(edge));
    this.pageInfo = connection.pageInfo;
  }

  get totalCount(): Promise<number> | number {
    return this.connection.totalCount;
  }
}

/** Partnership counts per actor (either end), one grouped statement per batch, only when asked. */
function partnerCountLoader(db: Database, criteria: PartnerCriteria): DataLoader<string, number> {
  const table = db.columns(Partnership).table;
  return new DataLoader<string, number>(async (keys) => {
    const q = new Sql();
    const keysParam = q.p(keys);
    const where = criteriaSql(q, criteria);
    const rows = await db.query<{ parent: string; n: number }>(
      `SELECT parent, count(*)::int AS n FROM (
         SELECT p.source_id AS parent FROM ${table} p WHERE p.source_id = ANY(${keysParam}::uuid[]) AND ${where}
         UNION ALL
         SELECT p.target_id AS parent FROM ${table} p WHERE p.target_id = ANY(${keysParam}::uuid[]) AND ${where}
       ) e GROUP BY parent`,
      q.params,
      { prepared: true },
    );
    const byParent = new Map(rows.map((r) => [r.parent, r.n]));
    return keys.map((k) => byParent.get(k) ?? 0);
  });
}
