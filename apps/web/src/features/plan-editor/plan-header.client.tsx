'use client';

import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { planHref } from '@/features/plans/plan-hrefs';
import { PARTICIPANT_ROLE_LABELS } from '@/features/plans/plan-labels';
import type { Classification, PlanStatus } from '@/gql/graphql';
import { InlineField } from './inline-field.client';
import { CLASSIFICATION_OPTIONS, PLAN_STATUS_OPTIONS } from './options';
import { updateResponsePlanMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorPlan } from './plan-editor.types';

type Patch = { title?: string; summary?: string; status?: PlanStatus; classification?: Classification };

/** The plan's own fields, each edited in place. */
export function PlanHeader({ plan, mayClassify }: { plan: EditorPlan; mayClassify: boolean }) {
  const [update] = useMutation(updateResponsePlanMutation);
  const others = plan.participants.filter((p) => p.role !== 'LEAD');
  const save = (patch: Patch) => (expectedVersion: number) =>
    update({ variables: { input: { id: plan.id, expectedVersion, ...patch } } });

  return (
    <header className={styles.header}>
      <p className={styles.back}>
        <Link href={planHref(plan.id)}>← Back to the plan overview</Link>
      </p>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>
          <span className={styles.eyebrow}>Edit plan</span>{' '}
          <span className={styles.titleText} data-testid="plan-title">
            {plan.title}
          </span>
        </h1>
        <InlineField
          label="Plan title"
          field="title"
          value={plan.title}
          version={plan.version}
          focus="plan:title"
          required
          canEdit
          save={(value, v) => save({ title: value })(v)}
          hideValue
        />
      </div>
      <div className={styles.meta}>
        <span>Led by {plan.leadActor.name}</span>
        {others.length > 0 && (
          <details className={styles.participants}>
            <summary>
              {others.length} other organisation{others.length === 1 ? '' : 's'} take part
            </summary>
            <ul>
              {others.map((p) => (
                <li key={p.id}>
                  {p.actor.name}
                  {p.actor.acronym && ` (${p.actor.acronym})`} —{' '}
                  {PARTICIPANT_ROLE_LABELS[p.role].toLowerCase()}
                </li>
              ))}
            </ul>
          </details>
        )}
        <span>Version {plan.version}</span>
      </div>
      <dl className={styles.headerFields}>
        <div className={styles.summary}>
          <dt>Summary</dt>
          <dd>
            <InlineField
              label="Summary"
              field="summary"
              kind="textarea"
              value={plan.summary ?? ''}
              version={plan.version}
              focus="plan:summary"
              canEdit
              save={(value, v) => save({ summary: value })(v)}
            />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <InlineField
              label="Plan status"
              field="status"
              kind="select"
              options={PLAN_STATUS_OPTIONS}
              value={plan.status}
              version={plan.version}
              focus="plan:status"
              canEdit
              save={(value, v) => save({ status: value as PlanStatus })(v)}
            />
          </dd>
        </div>
        <div>
          <dt>Who may read it</dt>
          <dd>
            <InlineField
              label="Classification"
              field="classification"
              kind="select"
              options={CLASSIFICATION_OPTIONS}
              value={plan.classification}
              version={plan.version}
              focus="plan:classification"
              canEdit={mayClassify}
              save={(value, v) => save({ classification: value as Classification })(v)}
            />
          </dd>
        </div>
      </dl>
    </header>
  );
}
