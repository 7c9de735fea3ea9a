import { defineList, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { Situation } from './situation.entity';

export const situationList = defineList('situations', Situation, 's', {
  NAME: { expr: 's.name', cast: 'text' },
  CREATED_AT: { expr: 's.created_at', cast: 'timestamptz' },
});

export const situationById = (ctx: Context) =>
  ctx.loaders.get('situationById', () => rowsById<Situation>(ctx.db, situationList(ctx.db)));

registerNodeType('Situation', situationById);
