import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { RiskFactorCategory } from '../../common/enums';
import { Node } from '../../common/node';

@ObjectType('RiskFactor', {
  implements: Node,
  simpleResolvers: true,
  description: 'One of the 14 risk factors of the UN Framework of Analysis for Atrocity Crimes (2014).',
})
@Entity('risk_factor')
@Index('risk_factor_number_key', ['number'], { unique: true })
@Check('risk_factor_number', '"number" BETWEEN 1 AND 14')
export class RiskFactor extends Versioned {
  @Field(() => Int, { description: 'Number in the Framework, 1–14.' })
  @Column('smallint')
  number: number;

  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => RiskFactorCategory)
  @Column({ type: 'enum', enum: RiskFactorCategory, enumName: 'risk_factor_category' })
  category: RiskFactorCategory;

  @Field(() => String)
  @Column('text')
  description: string;
}
