import { formatDate } from '@/lib/format/dates';
import { ASSESSMENT_STATUS_LABELS } from './risk-labels';
import { RiskLevelBadge } from './risk-level-badge';
import type { LatestAssessment } from './situation-page.types';
import styles from './situations.module.css';

/** The assessment's overall level, why it is that level, and who assessed it when. */
export function AssessmentOverview({
  assessment,
  mayReadText,
}: {
  assessment: LatestAssessment;
  mayReadText: boolean;
}) {
  const author = assessment.authorActor;
  return (
    <div className={styles.overview}>
      <div className={styles.overall}>
        <p className={styles.overallLabel}>Overall level</p>
        <RiskLevelBadge level={assessment.overallLevel} large />
      </div>
      <div className={styles.overviewText}>
        <p className={styles.overallLabel}>Why this level</p>
        <p className={styles.explanation}>{assessment.overallExplanation}</p>
        <p className={styles.assessmentMeta}>
          {ASSESSMENT_STATUS_LABELS[assessment.status] ?? assessment.status} assessment of{' '}
          {formatDate(assessment.assessedOn)}
          {author && `, by ${author.name}`}.
        </p>
        {assessment.summary ? (
          <p>{assessment.summary}</p>
        ) : (
          <p className={styles.restricted}>
            {mayReadText
              ? 'No summary recorded.'
              : 'Summary restricted: only liaison officers and administrators may read it.'}
          </p>
        )}
      </div>
    </div>
  );
}
