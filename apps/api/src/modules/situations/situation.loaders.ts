import { defineList, type Filter, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import { situationReadable } from '../../common/visibility';
import type { Context } from '../../context';
import { Situation } from './situation.entity';

export const situationList = defineList('situations', Situation, 's', {
  NAME: { expr: 's.name', cast: 'text' },
  CREATED_AT: { expr: 's.created_at', cast: 'timestamptz' },
});

/** Situations are for signed-in readers of the graph: the predicate every read of `s` applies. */
export const situationVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(situationReadable(viewer));
  };

export const situationById = (ctx: Context) =>
  ctx.loaders.get('situationById', () =>
    rowsById<Situation>(ctx.db, situationList(ctx.db), situationVisible(ctx.viewer)),
  );

registerNodeType('Situation', situationById);
