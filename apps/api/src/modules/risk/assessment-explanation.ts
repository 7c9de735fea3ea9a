import { RiskLevel } from '../../common/enums';

/** Levels from lowest to highest, as the risk_level enum declares them. */
export const LEVELS = Object.values(RiskLevel) as RiskLevel[];
export const levelRank = (level: RiskLevel) => LEVELS.indexOf(level);

export type ExplainedScore = {
  level: RiskLevel;
  factorNumber: number;
  factorName: string;
  /** Codes of the indicators recorded as present, in the Framework's order. */
  presentIndicators: readonly string[];
};

/** The scores that make the overall level what it is: those at it (none when it is NONE). */
export function driversOf<T extends { level: RiskLevel }>(overall: RiskLevel, scores: readonly T[]): T[] {
  if (overall === 'NONE') return [];
  return scores.filter((s) => s.level === overall);
}

function nameOf(score: ExplainedScore): string {
  const indicators = score.presentIndicators;
  const evidence = indicators.length
    ? ` (indicator${indicators.length > 1 ? 's' : ''} ${indicators.join(', ')} present)`
    : '';
  return `${score.factorNumber} ${score.factorName}${evidence}`;
}

function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The overall level in plain words: which factors put it there, and that none is higher, e.g.
 * "HIGH because 2 factors are HIGH: 1 Situations of armed conflict or other forms of instability,
 * 9 Intergroup tensions or patterns of discrimination against protected groups; no factor is VERY_HIGH".
 */
export function explainOverall(overall: RiskLevel, scores: readonly ExplainedScore[]): string {
  if (!scores.length) return 'NONE because no risk factor has been scored';
  if (overall === 'NONE') {
    return scores.length === 1
      ? 'NONE because the one scored factor is NONE'
      : `NONE because all ${scores.length} scored factors are NONE`;
  }
  const drivers = driversOf(overall, scores);
  const count = drivers.length === 1 ? '1 factor is' : `${drivers.length} factors are`;
  const above = LEVELS.slice(levelRank(overall) + 1);
  const none = above.length ? `; no factor is ${orList(above)}` : '';
  return `${overall} because ${count} ${overall}: ${drivers.map(nameOf).join(', ')}${none}`;
}
