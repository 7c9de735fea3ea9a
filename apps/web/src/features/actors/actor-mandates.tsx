import Link from 'next/link';
import { expiryText, formatDate } from '@/lib/format/dates';
import { actorHref } from './actor-href';
import styles from './actor-page.module.css';
import type { ActorPageActor } from './actor-page.types';
import { MANDATED_TASK_KIND_LABELS } from './mandate-labels';

type Mandate = ActorPageActor['mandates']['edges'][number]['node'];

function MandateCard({ mandate, today }: { mandate: Mandate; today: string }) {
  const tasks = mandate.mandatedTasks.edges.map((edge) => edge.node);
  const expiry = expiryText(mandate.expiresOn, today);
  const expired = mandate.expiresOn !== null && mandate.expiresOn < today;
  return (
    <article className={styles.card} aria-labelledby={`mandate-${mandate.id}`}>
      <h3 id={`mandate-${mandate.id}`}>
        {mandate.symbol}
        <span className={styles.cardSubtitle}>{mandate.title}</span>
      </h3>
      <ul className={styles.meta}>
        <li>
          Adopted {formatDate(mandate.adoptedOn)} by{' '}
          <Link href={actorHref(mandate.authorizingActor.id)}>{mandate.authorizingActor.name}</Link>
        </li>
        <li className={expired ? styles.expired : undefined}>
          <strong>{expiry}</strong>
          {mandate.expiresOn && ` (${formatDate(mandate.expiresOn)})`}
        </li>
        {mandate.chapterVii && <li>Chapter VII</li>}
        {mandate.troopCeiling !== null && <li>Troop ceiling {mandate.troopCeiling.toLocaleString('en')}</li>}
        {mandate.policeCeiling !== null && (
          <li>Police ceiling {mandate.policeCeiling.toLocaleString('en')}</li>
        )}
      </ul>
      {tasks.length === 0 ? (
        <p className={styles.muted}>No mandated tasks are recorded for this mandate.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Mandated tasks of {mandate.symbol}</caption>
            <thead>
              <tr>
                <th scope="col">Paragraph</th>
                <th scope="col">Task</th>
                <th scope="col">What it asks</th>
                <th scope="col">Use of force</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <th scope="row" className={styles.nowrap}>
                    {task.paragraphRef}
                  </th>
                  <td>{MANDATED_TASK_KIND_LABELS[task.kind] ?? task.kind}</td>
                  <td>{task.description}</td>
                  <td>{task.useOfForce ? 'Authorized (all necessary means)' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mandate.mandatedTasks.totalCount > tasks.length && (
        <p className={styles.muted}>
          Showing {tasks.length} of {mandate.mandatedTasks.totalCount} mandated tasks.
        </p>
      )}
    </article>
  );
}

/** The mandates given to the actor as a mission, newest first, with their tasks and expiry. */
export function ActorMandates({ actor, today }: { actor: ActorPageActor; today: string }) {
  const mandates = actor.mandates.edges.map((edge) => edge.node);
  return (
    <section className={styles.section} aria-labelledby="mandates-heading">
      <h2 id="mandates-heading">Mandates</h2>
      {mandates.length === 0 ? (
        <p className={styles.muted}>No mandate has been given to {actor.name}.</p>
      ) : (
        mandates.map((mandate) => <MandateCard key={mandate.id} mandate={mandate} today={today} />)
      )}
      {actor.mandates.totalCount > mandates.length && (
        <p className={styles.muted}>
          Showing the {mandates.length} newest of {actor.mandates.totalCount} mandates.
        </p>
      )}
    </section>
  );
}
