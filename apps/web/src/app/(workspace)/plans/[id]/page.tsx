import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { editRefusal } from '@/features/plans/plan-access';
import { PlanOverview, type PlanOverviewData } from '@/features/plans/plan-overview';
import { planOverviewQuery } from '@/features/plans/plans.graphql';
import styles from '@/features/plans/plans.module.css';
import { requireViewer } from '@/features/session/viewer';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { todayLocalDate } from '@/lib/format/dates';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Plan' };

const isNotFound = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');

export default async function PlanPage({ params }: PageProps<'/plans/[id]'>) {
  const { id } = await params;
  const { viewer } = await requireViewer(`/plans/${id}`);
  let plan: PlanOverviewData;
  try {
    const { data } = await query({ query: planOverviewQuery, variables: { id } });
    if (!data) throw new Error('The plan query returned no data.');
    plan = data.responsePlan;
  } catch (error) {
    // A plan out of the viewer's reach answers exactly as a missing one.
    if (isNotFound(error)) notFound();
    console.error('plan page: the plan query failed', error);
    return (
      <p className={styles.error} role="alert">
        The plan could not be loaded. {errorMessage(error)}
      </p>
    );
  }
  return (
    <PlanOverview
      plan={plan}
      canEdit={editRefusal(viewer, plan.participants) === null}
      today={todayLocalDate()}
    />
  );
}
