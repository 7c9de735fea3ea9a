import type { Metadata } from 'next';
import Link from 'next/link';
import { PlanEditGuard } from '@/features/plans/plan-edit-guard';
import { planHref } from '@/features/plans/plan-hrefs';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit plan' };

export default async function EditPlanPage({ params }: PageProps<'/plans/[id]/edit'>) {
  const { id } = await params;
  return (
    <PlanEditGuard planId={id}>
      <h1>Edit plan</h1>
      <p>The plan editor is not available yet. The plan can be read on its overview page.</p>
      <p>
        <Link href={planHref(id)}>Back to the plan</Link>
      </p>
    </PlanEditGuard>
  );
}
