'use client';

import { useMutation } from '@apollo/client/react';
import { PHASE_KIND_LABELS } from '@/features/plans/plan-labels';
import { InlineField } from './inline-field.client';
import { updateObjectiveMutation, updatePhaseMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorObjective, EditorPlan } from './plan-editor.types';

function ObjectiveItem({ objective }: { objective: EditorObjective }) {
  const [update] = useMutation(updateObjectiveMutation);
  return (
    <li className={styles.objective}>
      <InlineField
        label="Objective title"
        field="title"
        value={objective.title}
        version={objective.version}
        focus={`objective:${objective.id}`}
        required
        canEdit
        save={(title, expectedVersion) =>
          update({ variables: { input: { id: objective.id, expectedVersion, title } } })
        }
      />
      {objective.riskFactors.length > 0 && (
        <p className={styles.riskFactors}>
          <span className={styles.muted}>Mitigates: </span>
          {objective.riskFactors.map((rf) => (
            <span key={rf.id} className={styles.chip} title={rf.name}>
              Risk factor {rf.number}: {rf.name}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** Phases in order, each with its objectives and the risk factors they mitigate. */
export function PlanStructure({ plan }: { plan: EditorPlan }) {
  const [updatePhase] = useMutation(updatePhaseMutation);
  const objectives = plan.objectives.edges.map((e) => e.node);
  const loose = objectives.filter((o) => !o.phase || !plan.phases.some((p) => p.id === o.phase?.id));
  return (
    <section className={styles.section} aria-labelledby="structure-heading">
      <h2 id="structure-heading">Phases and objectives</h2>
      {plan.phases.length === 0 && objectives.length === 0 && (
        <p className={styles.muted}>This plan has no phases or objectives yet.</p>
      )}
      <ol className={styles.phases}>
        {plan.phases.map((phase) => {
          const own = objectives.filter((o) => o.phase?.id === phase.id);
          return (
            <li key={phase.id} className={styles.phase}>
              <p className={styles.phaseKind}>{PHASE_KIND_LABELS[phase.kind]}</p>
              <InlineField
                label="Phase title"
                field="title"
                value={phase.title}
                version={phase.version}
                focus={`phase:${phase.id}`}
                required
                canEdit
                save={(title, expectedVersion) =>
                  updatePhase({ variables: { input: { id: phase.id, expectedVersion, title } } })
                }
              />
              {own.length === 0 ? (
                <p className={styles.muted}>No objective in this phase.</p>
              ) : (
                <ul className={styles.objectives}>
                  {own.map((o) => (
                    <ObjectiveItem key={o.id} objective={o} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {loose.length > 0 && (
        <div className={styles.phase}>
          <p className={styles.phaseKind}>Not in a phase</p>
          <ul className={styles.objectives}>
            {loose.map((o) => (
              <ObjectiveItem key={o.id} objective={o} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
