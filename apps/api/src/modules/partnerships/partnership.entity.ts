import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { PartnershipKind, PartnershipStatus } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';

@ObjectType('Partnership', {
  implements: Node,
  simpleResolvers: true,
  description: 'A directed, time-bounded relationship: source KIND target (e.g. South Sudan HOSTS UNMISS).',
})
@Entity('partnership')
@Index('partnership_source_idx', ['sourceId', 'kind'])
@Index('partnership_target_idx', ['targetId', 'kind'])
@Index('partnership_created_idx', ['createdAt', 'id'])
@Index('partnership_valid_from_idx', ['validFrom', 'id'])
@Check('partnership_not_self', '"source_id" <> "target_id"')
@Check('partnership_valid_range', '"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_from" <= "valid_to"')
export class Partnership extends Versioned {
  @Column('uuid')
  sourceId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<Actor>;

  @Column('uuid')
  targetId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: Relation<Actor>;

  @Field(() => PartnershipKind)
  @Column({ type: 'enum', enum: PartnershipKind, enumName: 'partnership_kind' })
  kind: PartnershipKind;

  @Field(() => PartnershipStatus)
  @Column({ type: 'enum', enum: PartnershipStatus, enumName: 'partnership_status', default: 'ACTIVE' })
  status: PartnershipStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  validFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  validTo: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The legal instrument, e.g. "Status of Forces Agreement".',
  })
  @Column('text', { nullable: true })
  instrument: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  notes: string | null;
}
