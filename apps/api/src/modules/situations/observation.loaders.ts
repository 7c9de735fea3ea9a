import { defineList, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { Observation } from './observation.entity';

/** Ordered through observation_situation_idx (situation_id, occurred_on, id). */
export const observationList = defineList('observations', Observation, 'ob', {
  OCCURRED_ON: { expr: 'ob.occurred_on', cast: 'date' },
});

export const observationById = (ctx: Context) =>
  ctx.loaders.get('observationById', () => rowsById<Observation>(ctx.db, observationList(ctx.db)));

registerNodeType('Observation', observationById);
