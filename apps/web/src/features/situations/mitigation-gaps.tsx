import type { SituationGapsQuery } from '@/gql/graphql';
import { RiskLevelBadge } from './risk-level-badge';
import styles from './situations.module.css';

type Gap = NonNullable<SituationGapsQuery['situation']>['mitigationGaps'][number];

/**
 * Factors at High or Very high in the published assessment that no open plan works on yet.
 * `error` is set when the analysis could not be had; the rest of the page stands without it.
 */
export function MitigationGaps({ gaps, error }: { gaps: readonly Gap[] | null; error: string | null }) {
  return (
    <section className={styles.section} aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">What the plans do not yet cover</h2>
      <p className={styles.sectionIntro}>
        Risk factors at High or Very high in the latest published assessment that no open plan mitigates with
        work under way, among the plans you may read.
      </p>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : !gaps || gaps.length === 0 ? (
        <p className={styles.covered}>
          Every factor at High or Very high has work under way in an open plan.
        </p>
      ) : (
        <ul className={styles.gaps}>
          {gaps.map((gap) => (
            <li key={gap.riskFactor.id} className={styles.gap}>
              <h3>
                <span className={styles.factorNumber}>Risk factor {gap.riskFactor.number}</span>
                {gap.riskFactor.name}
              </h3>
              <p>
                <RiskLevelBadge level={gap.level} />
              </p>
              <p>{gap.explanation}</p>
              {gap.objectives.length > 0 && (
                <>
                  <p className={styles.muted}>Objectives that name it but have no live task:</p>
                  <ul>
                    {gap.objectives.map((objective) => (
                      <li key={objective.id}>
                        {objective.title} <span className={styles.muted}>({objective.plan.title})</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
