import { can } from '../../common/authz';
import { defineList, type Filter, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import { situationReadable } from '../../common/visibility';
import type { Context } from '../../context';
import { ImportJob } from './import-job.entity';

/** Ordered through import_job_situation_idx (situation_id, created_at). */
export const importJobList = defineList('importJobs', ImportJob, 'ij', {
  CREATED_AT: { expr: 'ij.created_at', cast: 'timestamptz' },
});

/**
 * Import jobs are read by those who may import (liaisons and administrators): they show how an
 * import went, not what it imported, which its observations' own classification guards.
 */
export const importJobVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(situationReadable(viewer));
    q.and(can(viewer, 'assessment.manage') ? 'TRUE' : 'FALSE');
  };

export const importJobById = (ctx: Context) =>
  ctx.loaders.get('importJobById', () =>
    rowsById<ImportJob>(ctx.db, importJobList(ctx.db), importJobVisible(ctx.viewer)),
  );

registerNodeType('ImportJob', importJobById);
