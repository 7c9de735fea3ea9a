import type { AssignmentCardFragment, AssignmentStatus } from '@/gql/graphql';

export type Assignment = AssignmentCardFragment;

export type GroupKey = 'waiting' | 'countered' | 'accepted' | 'closed';

export type Group = { key: GroupKey; title: string; hint: string; items: Assignment[] };

const GROUP_OF: Record<AssignmentStatus, GroupKey> = {
  PROPOSED: 'waiting',
  COUNTER_PROPOSED: 'countered',
  ACCEPTED: 'accepted',
  DECLINED: 'closed',
  WITHDRAWN: 'closed',
};

const HEADINGS: Record<GroupKey, { title: string; hint: string }> = {
  waiting: { title: 'Waiting for your answer', hint: 'Soonest answer due first.' },
  countered: {
    title: 'Counter-proposed',
    hint: 'Your counter-proposal is with the plan’s lead. You can still accept or decline. Soonest answer due first.',
  },
  accepted: { title: 'Accepted', hint: 'Work your organisation agreed to do. Soonest task due first.' },
  closed: { title: 'Declined or withdrawn', hint: 'No longer yours to answer.' },
};

const LAST = '9999-12-31';

/** The date that matters for sorting: the answer deadline while an answer is due, else the task's. */
export function deadlineOf(a: Assignment): string {
  const group = GROUP_OF[a.status];
  if (group === 'waiting' || group === 'countered') return a.respondBy ?? a.task.dueOn ?? LAST;
  return a.task.dueOn ?? LAST;
}

/** Assignments by state, each group sorted by its deadline (undated last); empty groups omitted. */
export function groupAssignments(assignments: readonly Assignment[]): Group[] {
  const order: GroupKey[] = ['waiting', 'countered', 'accepted', 'closed'];
  return order
    .map((key) => ({
      key,
      ...HEADINGS[key],
      items: assignments
        .filter((a) => (GROUP_OF[a.status] ?? 'closed') === key)
        .sort(
          (a, b) => deadlineOf(a).localeCompare(deadlineOf(b)) || a.task.title.localeCompare(b.task.title),
        ),
    }))
    .filter((group) => group.items.length > 0);
}

export function groupTitleOf(status: AssignmentStatus): string {
  return HEADINGS[GROUP_OF[status] ?? 'closed'].title;
}
