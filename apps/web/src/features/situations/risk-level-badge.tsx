import type { RiskLevel, RiskTrend } from '@/gql/graphql';
import { RISK_LEVEL_LABELS, RISK_TRENDS } from './risk-labels';
import styles from './situations.module.css';

const LEVEL_CLASS: Record<RiskLevel, string> = {
  NONE: styles.levelNone,
  LOW: styles.levelLow,
  MODERATE: styles.levelModerate,
  HIGH: styles.levelHigh,
  VERY_HIGH: styles.levelVeryHigh,
};

/** A risk level: a coloured badge that always carries the level's name. */
export function RiskLevelBadge({ level, large = false }: { level: RiskLevel; large?: boolean }) {
  return (
    <span className={`${styles.level} ${LEVEL_CLASS[level] ?? ''} ${large ? styles.levelLarge : ''}`}>
      {RISK_LEVEL_LABELS[level] ?? level}
    </span>
  );
}

/** A trend: an arrow for the eye and the word for everyone. */
export function RiskTrendLabel({ trend }: { trend: RiskTrend }) {
  const { arrow, label } = RISK_TRENDS[trend] ?? { arrow: '', label: trend };
  return (
    <span className={`${styles.trend} ${trend === 'DETERIORATING' ? styles.trendWorse : ''}`}>
      <span aria-hidden="true" className={styles.arrow}>
        {arrow}
      </span>
      {label}
    </span>
  );
}
