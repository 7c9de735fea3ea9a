import { defineList, type Filter, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import { evidenceReadable, situationReadable } from '../../common/visibility';
import type { Context } from '../../context';
import { Observation } from './observation.entity';

/** Ordered through observation_situation_idx (situation_id, occurred_on, id). */
export const observationList = defineList('observations', Observation, 'ob', {
  OCCURRED_ON: { expr: 'ob.occurred_on', cast: 'date' },
});

/**
 * Observations the viewer may read (alias `ob`). Evidence is reached only with its situation, so
 * an observation never points to a situation its reader cannot see.
 */
export const observationVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(situationReadable(viewer));
    q.and(evidenceReadable(q, viewer, 'ob'));
  };

export const observationById = (ctx: Context) =>
  ctx.loaders.get('observationById', () =>
    rowsById<Observation>(ctx.db, observationList(ctx.db), observationVisible(ctx.viewer)),
  );

registerNodeType('Observation', observationById);
