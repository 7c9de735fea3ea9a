import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { MandatedTaskKind } from '../../common/enums';
import { Node } from '../../common/node';
import { Mandate } from './mandate.entity';

@ObjectType('MandatedTask', {
  implements: Node,
  simpleResolvers: true,
  description: 'A task a mandate gives its mission, e.g. protection of civilians (OP 3 (a)).',
})
@Entity('mandated_task')
@Index('mandated_task_mandate_idx', ['mandateId', 'priority', 'id'])
@Check('mandated_task_priority', '"priority" BETWEEN 1 AND 5')
export class MandatedTask extends Versioned {
  @Column('uuid')
  mandateId: string;

  @ManyToOne(() => Mandate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mandate_id' })
  mandate?: Relation<Mandate>;

  @Field(() => String, { description: 'Paragraph reference in the resolution, e.g. "OP 3 (a)".' })
  @Column('text')
  paragraphRef: string;

  @Field(() => MandatedTaskKind)
  @Column({ type: 'enum', enum: MandatedTaskKind, enumName: 'mandated_task_kind' })
  kind: MandatedTaskKind;

  @Field(() => String)
  @Column('text')
  description: string;

  @Field(() => Int, { description: '1 (highest) to 5.' })
  @Column('smallint', { default: 3 })
  priority: number;

  @Field(() => Boolean, { description: 'The mission may use all necessary means for this task.' })
  @Column('boolean', { default: false })
  useOfForce: boolean;
}
