import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DateTimeScalar } from '../../common/scalars';
import { User } from '../accounts/user.entity';
import { ResponsePlan } from '../plans/response-plan.entity';

export const PresenceMode = { VIEWING: 'VIEWING', EDITING: 'EDITING' } as const;
export type PresenceMode = keyof typeof PresenceMode;
registerEnumType(PresenceMode, { name: 'PresenceMode' });

/** Who is looking at or editing which part of a plan; refreshed by heartbeats, gone after its TTL. */
@ObjectType('PresenceEntry', {
  simpleResolvers: true,
  description:
    'Someone who has a plan open now (one per browser tab or client). A passing state, not a record: it has no id of its own and lapses when its heartbeats stop.',
})
@Entity('presence')
@Index('presence_client_key', ['planId', 'userId', 'clientId'], { unique: true })
@Index('presence_plan_expires_idx', ['planId', 'expiresAt'])
@Check('presence_mode', `"mode" IN ('VIEWING', 'EDITING')`)
export class Presence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  planId: string;

  @ManyToOne(() => ResponsePlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ResponsePlan>;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** One browser tab or client: a person may have several. */
  @Field(() => String, { description: 'The tab or client, as chosen by it.' })
  @Column('text')
  clientId: string;

  @Field(() => PresenceMode)
  @Column('text', { default: 'VIEWING' })
  mode: PresenceMode;

  /** What is being looked at or edited, e.g. "task:<id>" or "plan:title". */
  @Field(() => String, {
    nullable: true,
    description: 'What is being looked at or edited, as the client put it (e.g. "task:<id>").',
  })
  @Column('text', { nullable: true })
  focus: string | null;

  /** When the current mode and focus began: the arrival, or the last change of either. */
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;

  @Field(() => DateTimeScalar, { description: 'When this entry lapses unless a heartbeat renews it.' })
  @Column('timestamptz')
  expiresAt: Date;
}
