import type { Route } from 'next';
import Link from 'next/link';
import type { SituationsQuery } from '@/gql/graphql';
import { countryName } from '@/lib/format/country';
import { formatDate } from '@/lib/format/dates';
import { SITUATION_STATUS_LABELS } from './risk-labels';
import { RiskLevelBadge } from './risk-level-badge';
import styles from './situations.module.css';

type Situation = SituationsQuery['situations']['edges'][number]['node'];

export function situationHref(id: string): Route {
  return `/situations/${encodeURIComponent(id)}` as Route;
}

/** Situations with their status and the level their latest assessment gives. */
export function SituationTable({ situations }: { situations: readonly Situation[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Situations, by name</caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Country</th>
            <th scope="col">Status</th>
            <th scope="col">Latest assessment</th>
          </tr>
        </thead>
        <tbody>
          {situations.map((situation) => (
            <tr key={situation.id}>
              <th scope="row">
                <Link href={situationHref(situation.id)}>{situation.name}</Link>
                {situation.isExercise && (
                  <span className={`${styles.badge} ${styles.exercise} ${styles.inline}`}>Exercise</span>
                )}
              </th>
              <td>{countryName(situation.countryCode)}</td>
              <td>{SITUATION_STATUS_LABELS[situation.status] ?? situation.status}</td>
              <td>
                {situation.latestAssessment ? (
                  <>
                    <RiskLevelBadge level={situation.latestAssessment.overallLevel} />{' '}
                    <span className={styles.muted}>{formatDate(situation.latestAssessment.assessedOn)}</span>
                  </>
                ) : (
                  <span className={styles.muted}>Not assessed yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
