import { Field, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { TokenScope } from '../../common/enums';
import { DateTimeScalar } from '../../common/scalars';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';

/** An integrator token: bound to one actor, scoped, expiring, revocable. Only a SHA-256 of the secret is kept. */
@ObjectType('ApiToken', {
  simpleResolvers: true,
  description: 'An integrator token. The secret is shown once, at creation.',
})
@Entity('api_token')
@Index('api_token_secret_hash_key', ['secretHash'], { unique: true })
@Index('api_token_actor_idx', ['actorId', 'createdAt', 'id'])
@Check('api_token_scopes_not_empty', 'cardinality("scopes") > 0')
@Check(
  'api_token_scopes_known',
  `"scopes" <@ ARRAY['READ_GRAPH', 'READ_ASSESSMENTS', 'WRITE_ASSIGNMENTS']::text[]`,
)
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => String, {
    description: 'The first characters of the token, to recognise it in lists and logs.',
  })
  @Column('text')
  prefix: string;

  @Column('text')
  secretHash: string;

  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Column('uuid', { nullable: true })
  createdByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdByUser?: Relation<User>;

  @Field(() => [TokenScope])
  @Column('text', { array: true })
  scopes: TokenScope[];

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz')
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
