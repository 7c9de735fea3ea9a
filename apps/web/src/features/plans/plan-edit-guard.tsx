import { CombinedGraphQLErrors } from '@apollo/client/errors';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireViewer } from '@/features/session/viewer';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { editRefusal } from './plan-access';
import { planHref } from './plan-hrefs';
import { planEditAccessQuery } from './plans.graphql';
import styles from './plans.module.css';

function Refusal({ planId, reason }: { planId: string | null; reason: string }) {
  return (
    <div className={styles.refusal} role="alert">
      <h1>You cannot edit this plan</h1>
      <p>{reason}</p>
      <p>
        {planId ? (
          <Link href={planHref(planId)}>Back to the plan</Link>
        ) : (
          <Link href="/plans">See the plans you may read</Link>
        )}
      </p>
    </div>
  );
}

/**
 * Guards the editor route of a plan: partners, viewers and organisations that do not edit the plan
 * get a plain refusal instead of `children`, which are then never rendered (nor their data
 * fetched). The rule mirrors the API's (the permission table, then the plan's lead and
 * contributors); the API refuses every edit anyway.
 */
export async function PlanEditGuard({ planId, children }: { planId: string; children: ReactNode }) {
  const { viewer } = await requireViewer(`/plans/${planId}/edit`);
  try {
    const { data } = await query({ query: planEditAccessQuery, variables: { id: planId } });
    if (!data) throw new Error('The plan query returned no data.');
    const reason = editRefusal(viewer, data.responsePlan.participants);
    return reason ? <Refusal planId={planId} reason={reason} /> : children;
  } catch (error) {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND')) {
      return (
        <Refusal
          planId={null}
          reason="This plan does not exist, or it is not shared with your organisation."
        />
      );
    }
    console.error('plan edit guard: the plan query failed', error);
    return (
      <p className={styles.error} role="alert">
        Whether you may edit this plan could not be checked. {errorMessage(error)}
      </p>
    );
  }
}
