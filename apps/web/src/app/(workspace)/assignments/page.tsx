import { roleAllows } from '@concord/shared';
import type { Metadata } from 'next';
import { AssignmentBoard } from '@/features/assignments/assignment-board.client';
import { myAssignmentsQuery } from '@/features/assignments/assignments.graphql';
import styles from '@/features/assignments/assignments.module.css';
import { organisationLabel, requireViewer } from '@/features/session/viewer';
import type { MyAssignmentsQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { todayLocalDate } from '@/lib/format/dates';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'My assignments' };

function Heading() {
  return (
    <div className={styles.heading}>
      <h1>My assignments</h1>
      <p>Tasks given to your organisation: answer them, and report progress on the ones you accepted.</p>
    </div>
  );
}

export default async function AssignmentsPage() {
  const { viewer } = await requireViewer('/assignments');
  const memberships = viewer?.memberships ?? [];
  if (memberships.length === 0) {
    return (
      <>
        <Heading />
        <p className={styles.empty}>You belong to no organisation, so no task can be given to you.</p>
      </>
    );
  }
  let nodes: MyAssignmentsQuery['nodes'];
  try {
    const { data } = await query({
      query: myAssignmentsQuery,
      variables: { actorIds: memberships.map((m) => m.actor.id) },
    });
    if (!data) throw new Error('The assignments query returned no data.');
    nodes = data.nodes;
  } catch (error) {
    console.error('assignments page: the assignments query failed', error);
    return (
      <>
        <Heading />
        <p className={styles.error} role="alert">
          Your assignments could not be loaded. {errorMessage(error)}
        </p>
      </>
    );
  }
  const today = todayLocalDate();
  return (
    <>
      <Heading />
      {memberships.map((membership, index) => {
        const node = nodes[index];
        if (node?.__typename !== 'Actor') return null;
        const name = organisationLabel(membership.actor);
        const edges = node.assignments.edges;
        return (
          <section key={membership.actor.id} className={styles.org} aria-label={`Assignments of ${name}`}>
            {memberships.length > 1 && <h2 className={styles.orgTitle}>{membership.actor.name}</h2>}
            {node.assignments.totalCount > edges.length && (
              <p className={styles.hint}>
                The first {edges.length} of {node.assignments.totalCount} assignments are shown.
              </p>
            )}
            <AssignmentBoard
              assignments={edges.map((edge) => edge.node)}
              canAnswer={roleAllows([membership.role], 'assignment.respond')}
              today={today}
              orgName={name}
            />
          </section>
        );
      })}
    </>
  );
}
