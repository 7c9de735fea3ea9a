import { CATEGORY_LABELS, CONFIDENCE_LABELS } from './risk-labels';
import { RiskLevelBadge, RiskTrendLabel } from './risk-level-badge';
import type { LatestAssessment, RiskFactorRef } from './situation-page.types';
import styles from './situations.module.css';

type Props = {
  factors: readonly RiskFactorRef[];
  assessment: LatestAssessment;
  mayReadText: boolean;
};

/**
 * The 14 factors of the Framework of Analysis, in the Framework's order, each with its score in the
 * assessment: level, trend, confidence and, for readers cleared for it, the rationale.
 */
export function RiskFactorList({ factors, assessment, mayReadText }: Props) {
  const scores = new Map(assessment.scores.map((score) => [score.riskFactor.id, score]));
  const drivers = new Set(assessment.drivers.map((driver) => driver.id));
  const ordered = [...factors].sort((a, b) => a.number - b.number);

  return (
    <ol className={styles.factors} aria-label="Risk factors">
      {ordered.map((factor) => {
        const score = scores.get(factor.id);
        const isDriver = score !== undefined && drivers.has(score.id);
        return (
          <li key={factor.id} className={styles.factor} data-driver={isDriver || undefined}>
            <h4 className={styles.factorName}>
              <span className={styles.factorNumber}>Risk factor {factor.number}</span>
              {factor.name}
            </h4>
            <p className={styles.category}>
              {CATEGORY_LABELS[factor.category] ?? factor.category}
              {isDriver && <span className={styles.driverTag}>Sets the overall level</span>}
            </p>
            {score ? (
              <>
                <dl className={styles.scoreFacts}>
                  <div>
                    <dt>Level</dt>
                    <dd>
                      <RiskLevelBadge level={score.level} />
                    </dd>
                  </div>
                  <div>
                    <dt>Trend</dt>
                    <dd>
                      <RiskTrendLabel trend={score.trend} />
                    </dd>
                  </div>
                  <div>
                    <dt>Confidence</dt>
                    <dd>{CONFIDENCE_LABELS[score.confidence] ?? score.confidence}</dd>
                  </div>
                </dl>
                {score.rationale ? (
                  <p className={styles.rationale}>{score.rationale}</p>
                ) : (
                  <p className={styles.restricted}>
                    {mayReadText
                      ? 'No rationale recorded.'
                      : 'Rationale restricted: only liaison officers and administrators may read it.'}
                  </p>
                )}
              </>
            ) : (
              <p className={styles.restricted}>Not scored in this assessment.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
