import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { RiskLevel } from '../../common/enums';
import { Node } from '../../common/node';
import { Situation } from '../situations/situation.entity';

/**
 * When a published assessment's overall level reaches `minLevel`, a draft alert is raised.
 * A rule without situation applies to every situation that has no rule of its own.
 */
@ObjectType('AlertRule', {
  implements: Node,
  simpleResolvers: true,
  description:
    'When a published assessment of a situation crosses minLevel (it is at or above it, and the assessment it supersedes was below), a DRAFT alert is raised. A rule without situation applies to every situation that has no rule of its own.',
})
@Entity('alert_rule')
@Index('alert_rule_situation_key', ['situationId'], { unique: true })
export class AlertRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  situationId: string | null;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id' })
  situation?: Relation<Situation>;

  @Field(() => RiskLevel)
  @Column({ type: 'enum', enum: RiskLevel, enumName: 'risk_level' })
  minLevel: RiskLevel;

  @Field(() => Boolean, {
    description: 'An inactive rule of a situation switches threshold alerts off for it.',
  })
  @Column('boolean', { default: true })
  active: boolean;
}
