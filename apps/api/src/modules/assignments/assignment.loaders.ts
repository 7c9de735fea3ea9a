import { defineList, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { TaskAssignment } from './task-assignment.entity';

export const assignmentList = defineList('taskAssignments', TaskAssignment, 'ta', {
  CREATED_AT: { expr: 'ta.created_at', cast: 'timestamptz' },
});

export const taskAssignmentById = (ctx: Context) =>
  ctx.loaders.get('taskAssignmentById', () => rowsById<TaskAssignment>(ctx.db, assignmentList(ctx.db)));

registerNodeType('TaskAssignment', taskAssignmentById);
