import { defineList, type Filter, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import { assignmentReadable } from '../../common/visibility';
import type { Context } from '../../context';
import { readableBy } from '../plans/plan.visibility';
import { TaskAssignment } from './task-assignment.entity';

export const assignmentList = defineList(
  'taskAssignments',
  TaskAssignment,
  'ta',
  {
    CREATED_AT: { expr: 'ta.created_at', cast: 'timestamptz' },
  },
  { keyReaders: ['task', 'actor'] },
);

/**
 * Assignments (alias `ta`) the viewer may read: all of a plan it reads as a member, and its own
 * organisation's; a partner never sees another organisation's.
 */
export const readableAssignments = (viewer: Viewer): Filter =>
  readableBy(viewer, (q, v) => assignmentReadable(q, v, 'ta'));

export const taskAssignmentById = (ctx: Context) =>
  ctx.loaders.get('taskAssignmentById', () =>
    rowsById<TaskAssignment>(ctx.db, assignmentList(ctx.db), readableAssignments(ctx.viewer)),
  );

registerNodeType('TaskAssignment', taskAssignmentById);
