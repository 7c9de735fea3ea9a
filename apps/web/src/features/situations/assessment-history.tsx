import { formatDate } from '@/lib/format/dates';
import { ASSESSMENT_STATUS_LABELS } from './risk-labels';
import { RiskLevelBadge } from './risk-level-badge';
import type { SituationPageSituation } from './situation-page.types';
import styles from './situations.module.css';

/** Every assessment the viewer may read, newest first; the one shown above is marked. */
export function AssessmentHistory({ situation }: { situation: SituationPageSituation }) {
  const assessments = situation.assessments.edges.map((edge) => edge.node);
  const currentId = situation.latestAssessment?.id;
  const earlier = assessments.filter((a) => a.id !== currentId);

  return (
    <section className={styles.section} aria-labelledby="history-heading">
      <h2 id="history-heading">Earlier assessments</h2>
      {earlier.length === 0 ? (
        <p className={styles.muted}>There is no earlier assessment of this situation.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Earlier assessments, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Assessed on</th>
                <th scope="col">Status</th>
                <th scope="col">Overall level</th>
                <th scope="col">Author</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((assessment) => (
                <tr key={assessment.id}>
                  <th scope="row">{formatDate(assessment.assessedOn)}</th>
                  <td>{ASSESSMENT_STATUS_LABELS[assessment.status] ?? assessment.status}</td>
                  <td>
                    <RiskLevelBadge level={assessment.overallLevel} />
                  </td>
                  <td>{assessment.authorActor?.name ?? 'Not recorded'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {situation.assessments.totalCount > assessments.length && (
        <p className={styles.muted}>
          Showing the {assessments.length} newest of {situation.assessments.totalCount} assessments.
        </p>
      )}
    </section>
  );
}
