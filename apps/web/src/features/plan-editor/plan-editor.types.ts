import type { EditorTaskFragment, PlanEditorQuery, PlanPresenceQuery } from '@/gql/graphql';

export type EditorPlan = PlanEditorQuery['responsePlan'];
export type EditorTask = EditorTaskFragment;
export type EditorAssignment = EditorTask['assignments']['edges'][number]['node'];
export type EditorObjective = EditorPlan['objectives']['edges'][number]['node'];
export type PresenceEntry = PlanPresenceQuery['responsePlan']['presence'][number];
