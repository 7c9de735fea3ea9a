import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { RiskIndicator } from '../risk/risk-indicator.entity';
import { Observation } from './observation.entity';

/** An observation is evidence for these Framework indicators. */
@Entity('observation_indicator')
@Index('observation_indicator_indicator_idx', ['riskIndicatorId'])
export class ObservationIndicator {
  @PrimaryColumn('uuid')
  observationId: string;

  @ManyToOne(() => Observation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'observation_id' })
  observation?: Relation<Observation>;

  @PrimaryColumn('uuid')
  riskIndicatorId: string;

  @ManyToOne(() => RiskIndicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_indicator_id' })
  riskIndicator?: Relation<RiskIndicator>;
}
