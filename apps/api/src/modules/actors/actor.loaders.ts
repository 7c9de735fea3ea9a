import { defineList, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { Actor } from './actor.entity';

export const actorList = defineList('actors', Actor, 'a', {
  NAME: { expr: 'a.name', cast: 'text' },
  CREATED_AT: { expr: 'a.created_at', cast: 'timestamptz' },
});

export const actorById = (ctx: Context) =>
  ctx.loaders.get('actorById', () => rowsById<Actor & { id: string }>(ctx.db, actorList(ctx.db)));

registerNodeType('Actor', actorById);
