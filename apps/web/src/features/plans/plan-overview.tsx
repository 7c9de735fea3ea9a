import Link from 'next/link';
import { actorHref } from '@/features/actors/actor-href';
import type { PlanOverviewQuery } from '@/gql/graphql';
import { formatDate } from '@/lib/format/dates';
import { planEditHref, situationHref } from './plan-hrefs';
import {
  CLASSIFICATION_LABELS,
  PARTICIPANT_ROLE_LABELS,
  PHASE_KIND_LABELS,
  PLAN_STATUS_LABELS,
} from './plan-labels';
import styles from './plan-overview.module.css';
import { PlanOverviewTasks } from './plan-overview-tasks';

export type PlanOverviewData = PlanOverviewQuery['responsePlan'];

function period(startsOn: string | null | undefined, endsOn: string | null | undefined): string {
  if (startsOn && endsOn) return `${formatDate(startsOn)} to ${formatDate(endsOn)}`;
  if (startsOn) return `From ${formatDate(startsOn)}`;
  if (endsOn) return `Until ${formatDate(endsOn)}`;
  return 'No dates set';
}

/**
 * A read-only overview of a plan: who leads and takes part, its phases, objectives and tasks.
 * `canEdit` only offers the editor's address; the editor checks again, and so does the API.
 */
export function PlanOverview({
  plan,
  canEdit,
  today,
}: {
  plan: PlanOverviewData;
  canEdit: boolean;
  today: string;
}) {
  const phaseTitle = new Map(plan.phases.map((phase) => [phase.id, phase.title]));
  const objectives = plan.objectives.edges.map((edge) => edge.node);
  return (
    <article className={styles.plan}>
      <header className={styles.heading}>
        <p className={styles.kicker}>
          Response plan{plan.situation.isExercise && <span className={styles.exercise}>Exercise</span>}
        </p>
        <h1>{plan.title}</h1>
        {plan.summary && <p className={styles.summary}>{plan.summary}</p>}
        {canEdit && (
          <p>
            <Link className="button" href={planEditHref(plan.id)}>
              Edit plan
            </Link>
          </p>
        )}
      </header>

      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={styles.badge} data-status={plan.status}>
              {PLAN_STATUS_LABELS[plan.status] ?? plan.status}
            </span>
          </dd>
        </div>
        <div>
          <dt>Situation</dt>
          <dd>
            <Link href={situationHref(plan.situation.id)}>{plan.situation.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Lead</dt>
          <dd>
            <Link href={actorHref(plan.leadActor.id)}>{plan.leadActor.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{period(plan.startsOn, plan.endsOn)}</dd>
        </div>
        <div>
          <dt>Who may read it</dt>
          <dd>{CLASSIFICATION_LABELS[plan.classification] ?? plan.classification}</dd>
        </div>
      </dl>

      <section aria-labelledby="participants" className={styles.section}>
        <h2 id="participants">Participants</h2>
        {plan.participants.length === 0 ? (
          <p className={styles.empty}>No organisation takes part yet.</p>
        ) : (
          <ul className={styles.participants}>
            {plan.participants.map((participant) => (
              <li key={participant.id}>
                <Link href={actorHref(participant.actor.id)}>{participant.actor.name}</Link>
                {participant.actor.acronym && (
                  <span className={styles.muted}> ({participant.actor.acronym})</span>
                )}
                <span className={styles.role}>
                  {PARTICIPANT_ROLE_LABELS[participant.role] ?? participant.role}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="phases" className={styles.section}>
        <h2 id="phases">Phases</h2>
        {plan.phases.length === 0 ? (
          <p className={styles.empty}>The plan has no phases yet.</p>
        ) : (
          <ol className={styles.phases}>
            {plan.phases.map((phase) => (
              <li key={phase.id}>
                <span className={styles.phaseKind}>{PHASE_KIND_LABELS[phase.kind] ?? phase.kind}</span>
                <strong>{phase.title}</strong>
                <span className={styles.muted}>{period(phase.startsOn, phase.endsOn)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="objectives" className={styles.section}>
        <h2 id="objectives">Objectives</h2>
        {objectives.length === 0 ? (
          <p className={styles.empty}>The plan has no objectives yet.</p>
        ) : (
          <ul className={styles.objectives}>
            {objectives.map((objective) => (
              <li key={objective.id}>
                <strong>{objective.title}</strong>
                {objective.phase && (
                  <span className={styles.muted}> · {phaseTitle.get(objective.phase.id)}</span>
                )}
                {objective.description && <p>{objective.description}</p>}
                {objective.riskFactors.length > 0 && (
                  <p className={styles.factors}>
                    Mitigates risk factor{objective.riskFactors.length === 1 ? '' : 's'}:{' '}
                    {objective.riskFactors.map((factor) => `${factor.number}. ${factor.name}`).join('; ')}
                  </p>
                )}
                {objective.mandatedTask && (
                  <p className={styles.muted}>Serves mandated task {objective.mandatedTask.paragraphRef}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tasks" className={styles.section}>
        <h2 id="tasks">Tasks</h2>
        <PlanOverviewTasks tasks={plan.tasks} today={today} />
      </section>
    </article>
  );
}
