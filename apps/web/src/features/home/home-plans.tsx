import Link from 'next/link';
import { ownRoles } from '@/features/plans/plan-access';
import { planHref } from '@/features/plans/plan-hrefs';
import { PARTICIPANT_ROLE_LABELS, PLAN_STATUS_LABELS } from '@/features/plans/plan-labels';
import type { Viewer, ViewerMembership } from '@/features/session/viewer';
import type { HomePlansQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { homePlansQuery } from './home.graphql';
import styles from './home.module.css';
import { Empty, SectionError } from './home-section';

/** The plans the organisation takes part in, with its role in each. */
export async function HomePlans({ viewer, membership }: { viewer: Viewer; membership: ViewerMembership }) {
  let plans: HomePlansQuery['responsePlans'];
  try {
    const { data } = await query({ query: homePlansQuery, variables: { actorId: membership.actor.id } });
    if (!data) throw new Error('no data');
    plans = data.responsePlans;
  } catch (error) {
    console.error('home: the plans query failed', error);
    return <SectionError what="Your organisation's plans" message={errorMessage(error)} />;
  }
  if (plans.edges.length === 0) {
    return (
      <Empty>
        {membership.role === 'PARTNER'
          ? 'Your organisation works on plans through its assignments; they are listed under My assignments.'
          : 'Your organisation takes part in no plan yet.'}
      </Empty>
    );
  }
  return (
    <ul className={styles.rows}>
      {plans.edges.map(({ node: plan }) => {
        const roles = ownRoles(viewer, plan.participants);
        return (
          <li key={plan.id} className={styles.row}>
            <div className={styles.main}>
              <Link href={planHref(plan.id)}>{plan.title}</Link>
              <span className={styles.meta}>
                {plan.situation.name} · led by {plan.leadActor.acronym ?? plan.leadActor.name}
              </span>
            </div>
            <div className={styles.side}>
              <span className={styles.badge}>{PLAN_STATUS_LABELS[plan.status] ?? plan.status}</span>
              {roles.length > 0 && (
                <span className={styles.meta}>
                  {roles.map((role) => PARTICIPANT_ROLE_LABELS[role] ?? role).join(', ')}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
