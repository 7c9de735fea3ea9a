import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Confidence, RiskLevel, RiskTrend } from '../../common/enums';
import { Node } from '../../common/node';
import { RiskAssessment } from './risk-assessment.entity';
import { RiskFactor } from './risk-factor.entity';

@ObjectType('RiskFactorScore', {
  implements: Node,
  simpleResolvers: true,
  description: 'An assessment of one risk factor.',
})
@Entity('risk_factor_score')
@Index('risk_factor_score_assessment_factor_key', ['assessmentId', 'riskFactorId'], { unique: true })
@Index('risk_factor_score_factor_idx', ['riskFactorId'])
export class RiskFactorScore extends Versioned {
  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => RiskAssessment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<RiskAssessment>;

  @Column('uuid')
  riskFactorId: string;

  @ManyToOne(() => RiskFactor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'risk_factor_id' })
  riskFactor?: Relation<RiskFactor>;

  @Field(() => RiskLevel)
  @Column({ type: 'enum', enum: RiskLevel, enumName: 'risk_level' })
  level: RiskLevel;

  @Field(() => RiskTrend)
  @Column({ type: 'enum', enum: RiskTrend, enumName: 'risk_trend', default: 'STABLE' })
  trend: RiskTrend;

  @Field(() => Confidence)
  @Column({ type: 'enum', enum: Confidence, enumName: 'confidence', default: 'MEDIUM' })
  confidence: Confidence;

  @Field(() => String, {
    nullable: true,
    description:
      'Null unless the reader may read assessment texts (liaisons and administrators); levels are not hidden.',
  })
  @Column('text', { nullable: true })
  rationale: string | null;
}
