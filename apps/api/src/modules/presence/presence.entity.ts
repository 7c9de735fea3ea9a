import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { ResponsePlan } from '../plans/response-plan.entity';

/** Who is looking at or editing which part of a plan; refreshed by heartbeats, gone after its TTL. */
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
  @Column('text')
  clientId: string;

  @Column('text', { default: 'VIEWING' })
  mode: string;

  /** What is being looked at or edited, e.g. "task:<id>" or "plan:title". */
  @Column('text', { nullable: true })
  focus: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
