import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { AssessmentStatus, Classification, RiskLevel } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';
import { Situation } from '../situations/situation.entity';

@ObjectType('RiskAssessment', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A Framework of Analysis assessment of a situation: a score per risk factor and an overall level.',
})
@Entity('risk_assessment')
@Index('risk_assessment_situation_idx', ['situationId', 'assessedOn', 'id'])
@Index('risk_assessment_author_idx', ['authorActorId'])
export class RiskAssessment extends Versioned {
  @Column('uuid')
  situationId: string;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id' })
  situation?: Relation<Situation>;

  @Field(() => LocalDateScalar)
  @Column('date')
  assessedOn: string;

  @Field(() => RiskLevel, {
    description:
      'Computed, never sent: the highest level among the factor scores (NONE while no factor is scored). ' +
      'One factor at HIGH makes the assessment HIGH, whichever factor it is.',
  })
  @Column({ type: 'enum', enum: RiskLevel, enumName: 'risk_level' })
  overallLevel: RiskLevel;

  @Field(() => AssessmentStatus)
  @Column({ type: 'enum', enum: AssessmentStatus, enumName: 'assessment_status', default: 'DRAFT' })
  status: AssessmentStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Null unless the reader may read assessment texts (liaisons and administrators); levels are not hidden.',
  })
  @Column('text', { nullable: true })
  summary: string | null;

  @Column('uuid', { nullable: true })
  authorActorId: string | null;

  @ManyToOne(() => Actor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_actor_id' })
  authorActor?: Relation<Actor>;

  @Field(() => Classification, {
    description: 'Who may read the assessment; see ResponsePlan.classification.',
  })
  @Column({ type: 'enum', enum: Classification, enumName: 'classification', default: 'RESTRICTED' })
  classification: Classification;
}
