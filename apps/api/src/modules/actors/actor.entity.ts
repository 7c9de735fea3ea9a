import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { ActorKind } from '../../common/enums';
import { Node } from '../../common/node';

@ObjectType('Actor', {
  implements: Node,
  simpleResolvers: true,
  description: 'An organisation or body: a UN organ, a mission, a regional organisation, a state, …',
})
@Entity('actor')
@Index('actor_name_idx', ['name', 'id'])
@Index('actor_kind_name_idx', ['kind', 'name', 'id'])
@Index('actor_created_idx', ['createdAt', 'id'])
@Check('actor_not_own_parent', '"parent_id" IS NULL OR "parent_id" <> "id"')
export class Actor extends Versioned {
  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  acronym: string | null;

  @Field(() => ActorKind)
  @Column({ type: 'enum', enum: ActorKind, enumName: 'actor_kind' })
  kind: ActorKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 code, for states and national bodies.',
  })
  @Column('char', { length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: 'Region, e.g. "Africa", "Europe".' })
  @Column('text', { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  website: string | null;

  @Index('actor_parent_idx')
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => Actor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Actor>;
}
