import type { Metadata } from 'next';
import { liveApiUrl } from '@/features/plan-editor/live-url';
import { PlanEditor } from '@/features/plan-editor/plan-editor.client';
import { planEditorQuery } from '@/features/plan-editor/plan-editor.graphql';
import { PlanEditGuard } from '@/features/plans/plan-edit-guard';
import styles from '@/features/plans/plans.module.css';
import { getViewer } from '@/features/session/viewer';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit plan' };

/** Rendered only once the guard has let the viewer in, so nothing is fetched for anyone else. */
async function Editor({ planId }: { planId: string }) {
  const { viewer } = await getViewer();
  try {
    const { data } = await query({
      query: planEditorQuery,
      variables: { id: planId },
      fetchPolicy: 'no-cache',
    });
    if (!data) throw new Error('The plan editor query returned no data.');
    const leadId = data.responsePlan.leadActor.id;
    const mayClassify = !!viewer?.memberships.some(
      (m) => m.role === 'ADMIN' || (m.role === 'LIAISON' && m.actor.id === leadId),
    );
    return <PlanEditor planId={planId} initial={data} wsUrl={await liveApiUrl()} mayClassify={mayClassify} />;
  } catch (error) {
    console.error('plan editor: the plan query failed', error);
    return (
      <p className={styles.error} role="alert">
        The plan could not be loaded for editing. {errorMessage(error)}
      </p>
    );
  }
}

export default async function EditPlanPage({ params }: PageProps<'/plans/[id]/edit'>) {
  const { id } = await params;
  return (
    <PlanEditGuard planId={id}>
      <Editor planId={id} />
    </PlanEditGuard>
  );
}
