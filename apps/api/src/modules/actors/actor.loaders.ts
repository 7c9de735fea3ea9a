import type DataLoader from 'dataloader';
import type { Row } from '../../common/connection';
import { defineList, type Join, rowsById, selectList } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Projection } from '../../common/projection';
import type { Context } from '../../context';
import { Actor } from './actor.entity';

export const actorList = defineList(
  'actors',
  Actor,
  'a',
  {
    NAME: { expr: 'a.name', cast: 'text' },
    CREATED_AT: { expr: 'a.created_at', cast: 'timestamptz' },
  },
  { keyReaders: ['assignments', 'partners'] },
);

export const actorById = (ctx: Context, projection?: Projection | null) => {
  const select = selectList(actorList(ctx.db), projection);
  return ctx.loaders.get(`actorById|${select}`, () =>
    rowsById<Actor & { id: string }>(ctx.db, actorList(ctx.db), undefined, select),
  );
};

/** The actor that `key` points to (actors are public), read with the rows that hold it when asked for. */
export const actorJoin = (ctx: Context, key: string, projection: Projection | null): Join | null =>
  projection && {
    key,
    spec: actorList(ctx.db),
    filter: () => {},
    projection,
    loader: actorById(ctx, projection) as DataLoader<string, Row | null>,
  };

registerNodeType('Actor', actorById);
