import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { RiskFactorScore } from './risk-factor-score.entity';
import { RiskIndicator } from './risk-indicator.entity';

/** Indicator-level evidence in an assessment: which indicators of a factor are present, and why. */
@Entity('score_indicator')
@Index('score_indicator_indicator_idx', ['riskIndicatorId'])
export class ScoreIndicator {
  @PrimaryColumn('uuid')
  scoreId: string;

  @ManyToOne(() => RiskFactorScore, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'score_id' })
  score?: Relation<RiskFactorScore>;

  @PrimaryColumn('uuid')
  riskIndicatorId: string;

  @ManyToOne(() => RiskIndicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_indicator_id' })
  riskIndicator?: Relation<RiskIndicator>;

  @Column('boolean', { default: true })
  present: boolean;

  @Column('text', { nullable: true })
  note: string | null;
}
