import Link from 'next/link';
import { situationHref } from '@/features/plans/plan-hrefs';
import type { HomeSituationsQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { formatDate } from '@/lib/format/dates';
import { homeSituationsQuery } from './home.graphql';
import styles from './home.module.css';
import { Empty, SectionError } from './home-section';
import { RISK_LEVEL_LABELS, RISK_LEVEL_RANK, SITUATION_STATUS_LABELS, summariseTrend } from './risk-labels';

/** Situations of concern, highest risk first, with the direction their risk factors are taking. */
export async function HomeSituations() {
  let situations: HomeSituationsQuery['situations']['edges'][number]['node'][];
  try {
    const { data } = await query({ query: homeSituationsQuery });
    if (!data) throw new Error('no data');
    situations = data.situations.edges.map((edge) => edge.node);
  } catch (error) {
    console.error('home: the situations query failed', error);
    return <SectionError what="The situations" message={errorMessage(error)} />;
  }
  if (situations.length === 0) return <Empty>No situation is under watch.</Empty>;
  const rank = (s: (typeof situations)[number]) =>
    s.latestAssessment ? RISK_LEVEL_RANK[s.latestAssessment.overallLevel] : -1;
  const sorted = [...situations].sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name));
  return (
    <ul className={styles.rows}>
      {sorted.map((situation) => {
        const assessment = situation.latestAssessment;
        const trend = assessment ? summariseTrend(assessment.scores) : null;
        return (
          <li key={situation.id} className={styles.row}>
            <div className={styles.main}>
              <Link href={situationHref(situation.id)}>{situation.name}</Link>
              <span className={styles.meta}>
                {SITUATION_STATUS_LABELS[situation.status] ?? situation.status}
                {situation.isExercise && ' · Exercise'}
                {assessment && ` · Assessed ${formatDate(assessment.assessedOn)}`}
              </span>
            </div>
            {assessment && trend ? (
              <div className={styles.side}>
                <span className={styles.level} data-level={assessment.overallLevel}>
                  <span className="visually-hidden">Risk level: </span>
                  {RISK_LEVEL_LABELS[assessment.overallLevel] ?? assessment.overallLevel}
                </span>
                <span className={styles.trend} data-trend={trend.word}>
                  {trend.word}: {trend.deteriorating} factor{trend.deteriorating === 1 ? '' : 's'}{' '}
                  deteriorating, {trend.improving} improving
                </span>
              </div>
            ) : (
              <span className={styles.meta}>No assessment you may read</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
