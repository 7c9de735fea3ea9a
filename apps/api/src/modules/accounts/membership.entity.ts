import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { MembershipRole } from '../../common/enums';
import { Node } from '../../common/node';
import { Actor } from '../actors/actor.entity';
import { User } from './user.entity';

@ObjectType('Membership', {
  implements: Node,
  simpleResolvers: true,
  description: 'A user belongs to an actor with a role.',
})
@Entity('membership')
@Index('membership_user_actor_key', ['userId', 'actorId'], { unique: true })
@Index('membership_actor_idx', ['actorId'])
export class Membership extends Versioned {
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Field(() => MembershipRole)
  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role: MembershipRole;
}
