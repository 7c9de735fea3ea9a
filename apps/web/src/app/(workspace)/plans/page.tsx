import type { Metadata } from 'next';
import Link from 'next/link';
import { actorHref } from '@/features/actors/actor-href';
import { ownRoles } from '@/features/plans/plan-access';
import { planHref } from '@/features/plans/plan-hrefs';
import { PARTICIPANT_ROLE_LABELS, PLAN_STATUS_LABELS } from '@/features/plans/plan-labels';
import { plansQuery } from '@/features/plans/plans.graphql';
import styles from '@/features/plans/plans.module.css';
import { requireViewer } from '@/features/session/viewer';
import type { PlansQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Plans' };

const PAGE_SIZE = 50;

export default async function PlansPage() {
  const { viewer } = await requireViewer('/plans');
  let plans: PlansQuery['responsePlans'];
  try {
    const { data } = await query({ query: plansQuery, variables: { first: PAGE_SIZE } });
    if (!data) throw new Error('The plans query returned no data.');
    plans = data.responsePlans;
  } catch (error) {
    console.error('plans page: the plans query failed', error);
    return (
      <>
        <Heading />
        <p className={styles.error} role="alert">
          The plans could not be loaded. {errorMessage(error)}
        </p>
      </>
    );
  }
  return (
    <>
      <Heading />
      {plans.edges.length === 0 ? (
        <p className={styles.empty}>There are no plans you may read yet.</p>
      ) : (
        <>
          {plans.totalCount > plans.edges.length && (
            <p>
              The first {plans.edges.length} of {plans.totalCount} plans, by title.
            </p>
          )}
          <ul className={styles.list}>
            {plans.edges.map(({ node: plan }) => {
              const roles = ownRoles(viewer, plan.participants);
              return (
                <li key={plan.id} className={styles.item}>
                  <Link href={planHref(plan.id)}>{plan.title}</Link>
                  <span className={styles.badge}>{PLAN_STATUS_LABELS[plan.status] ?? plan.status}</span>
                  <p className={styles.meta}>
                    {plan.situation.name} · Led by{' '}
                    <Link href={actorHref(plan.leadActor.id)}>
                      {plan.leadActor.acronym ?? plan.leadActor.name}
                    </Link>
                    {roles.length > 0 &&
                      ` · Your organisation: ${roles.map((role) => PARTICIPANT_ROLE_LABELS[role] ?? role).join(', ')}`}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

function Heading() {
  return (
    <div className={styles.heading}>
      <h1>Plans</h1>
      <p>Response plans you may read: those your organisation takes part in, and public ones.</p>
    </div>
  );
}
