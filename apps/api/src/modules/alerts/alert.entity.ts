import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import {
  AlertState,
  CapCertainty,
  CapMsgType,
  CapScope,
  CapSeverity,
  CapStatus,
  CapUrgency,
} from '../../common/enums';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';
import { RiskAssessment } from '../risk/risk-assessment.entity';
import { Situation } from '../situations/situation.entity';

@ObjectType('Alert', {
  implements: Node,
  simpleResolvers: true,
  description:
    'An early-warning alert with the fields of CAP 1.2, and its workflow DRAFT → ISSUED → ACKNOWLEDGED → ESCALATED → CLOSED.',
})
@Entity('alert')
@Index('alert_identifier_key', ['identifier'], { unique: true })
@Index('alert_situation_idx', ['situationId', 'createdAt', 'id'])
@Index('alert_state_idx', ['state', 'createdAt', 'id'])
@Index('alert_created_idx', ['createdAt', 'id'])
@Index('alert_assessment_idx', ['assessmentId'])
export class Alert extends Versioned {
  @Field(() => String, { description: 'CAP <identifier>: unique, stable.' })
  @Column('text')
  identifier: string;

  @Column('uuid')
  situationId: string;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id' })
  situation?: Relation<Situation>;

  @Column('uuid')
  senderActorId: string;

  @ManyToOne(() => Actor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sender_actor_id' })
  senderActor?: Relation<Actor>;

  /** The assessment whose threshold crossing raised it, if any. */
  @Column('uuid', { nullable: true })
  assessmentId: string | null;

  @ManyToOne(() => RiskAssessment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<RiskAssessment>;

  @Field(() => AlertState)
  @Column({ type: 'enum', enum: AlertState, enumName: 'alert_state', default: 'DRAFT' })
  state: AlertState;

  @Field(() => CapStatus)
  @Column({ type: 'enum', enum: CapStatus, enumName: 'cap_status', default: 'ACTUAL' })
  status: CapStatus;

  @Field(() => CapMsgType)
  @Column({ type: 'enum', enum: CapMsgType, enumName: 'cap_msg_type', default: 'ALERT' })
  msgType: CapMsgType;

  @Field(() => CapScope)
  @Column({ type: 'enum', enum: CapScope, enumName: 'cap_scope', default: 'RESTRICTED' })
  scope: CapScope;

  @Field(() => CapUrgency)
  @Column({ type: 'enum', enum: CapUrgency, enumName: 'cap_urgency' })
  urgency: CapUrgency;

  @Field(() => CapSeverity)
  @Column({ type: 'enum', enum: CapSeverity, enumName: 'cap_severity' })
  severity: CapSeverity;

  @Field(() => CapCertainty)
  @Column({ type: 'enum', enum: CapCertainty, enumName: 'cap_certainty' })
  certainty: CapCertainty;

  @Field(() => String)
  @Column('text')
  headline: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  instruction: string | null;

  @Field(() => String, { description: 'CAP <areaDesc>.' })
  @Column('text')
  areaDesc: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  issuedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;
}
