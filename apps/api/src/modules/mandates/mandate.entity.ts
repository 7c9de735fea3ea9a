import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';

@ObjectType('Mandate', {
  implements: Node,
  simpleResolvers: true,
  description: 'What an authorising body gave a mission, e.g. S/RES/1996 (2011) establishing UNMISS.',
})
@Entity('mandate')
@Index('mandate_symbol_key', ['symbol'], { unique: true })
@Index('mandate_mission_idx', ['missionActorId', 'adoptedOn', 'id'])
@Index('mandate_authorizing_idx', ['authorizingActorId'])
@Index('mandate_renews_idx', ['renewsMandateId'])
@Index('mandate_adopted_idx', ['adoptedOn', 'id'])
@Index('mandate_created_idx', ['createdAt', 'id'])
@Check('mandate_dates', '"expires_on" IS NULL OR "adopted_on" <= "expires_on"')
@Check(
  'mandate_ceilings',
  '("troop_ceiling" IS NULL OR "troop_ceiling" >= 0) AND ("police_ceiling" IS NULL OR "police_ceiling" >= 0)',
)
@Check('mandate_not_self_renewal', '"renews_mandate_id" IS NULL OR "renews_mandate_id" <> "id"')
export class Mandate extends Versioned {
  @Field(() => String, { description: 'Document symbol, e.g. "S/RES/1996 (2011)".' })
  @Column('text')
  symbol: string;

  @Field(() => String)
  @Column('text')
  title: string;

  @Column('uuid')
  authorizingActorId: string;

  @ManyToOne(() => Actor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorizing_actor_id' })
  authorizingActor?: Relation<Actor>;

  @Column('uuid')
  missionActorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mission_actor_id' })
  missionActor?: Relation<Actor>;

  @Field(() => LocalDateScalar)
  @Column('date')
  adoptedOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  expiresOn: string | null;

  @Field(() => Boolean, { description: 'Adopted under Chapter VII of the UN Charter.' })
  @Column('boolean', { default: false })
  chapterVii: boolean;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  troopCeiling: number | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  policeCeiling: number | null;

  @Column('uuid', { nullable: true })
  renewsMandateId: string | null;

  @ManyToOne(() => Mandate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'renews_mandate_id' })
  renewsMandate?: Relation<Mandate>;
}
