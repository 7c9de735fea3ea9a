import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Node } from '../../common/node';
import { RiskFactor } from './risk-factor.entity';

@ObjectType('RiskIndicator', {
  implements: Node,
  simpleResolvers: true,
  description: 'A numbered indicator of a risk factor, e.g. 1.1 of Risk Factor 1.',
})
@Entity('risk_indicator')
@Index('risk_indicator_factor_code_key', ['riskFactorId', 'code'], { unique: true })
export class RiskIndicator extends Versioned {
  @Column('uuid')
  riskFactorId: string;

  @ManyToOne(() => RiskFactor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_factor_id' })
  riskFactor?: Relation<RiskFactor>;

  @Field(() => String, { description: 'Indicator number as in the Framework, e.g. "1.1".' })
  @Column('text')
  code: string;

  @Field(() => String)
  @Column('text')
  text: string;
}
