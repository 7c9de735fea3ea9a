import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Classification, ObservationSourceKind, SourceReliability } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { RiskFactor } from '../risk/risk-factor.entity';
import { Situation } from './situation.entity';

@ObjectType('Observation', {
  implements: Node,
  simpleResolvers: true,
  description: 'A dated, located, sourced event or report: evidence for an assessment.',
})
@Entity('observation')
@Index('observation_situation_idx', ['situationId', 'occurredOn', 'id'])
@Index('observation_risk_factor_idx', ['riskFactorId'])
@Index('observation_external_key', ['situationId', 'sourceKind', 'externalId'], { unique: true })
@Check('observation_latitude', '"latitude" IS NULL OR "latitude" BETWEEN -90 AND 90')
@Check('observation_longitude', '"longitude" IS NULL OR "longitude" BETWEEN -180 AND 180')
@Check('observation_fatalities', '"fatalities" IS NULL OR "fatalities" >= 0')
export class Observation extends Versioned {
  @Column('uuid')
  situationId: string;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id' })
  situation?: Relation<Situation>;

  @Field(() => LocalDateScalar)
  @Column('date')
  occurredOn: string;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Event type, e.g. ACLED "Violence against civilians".',
  })
  @Column('text', { nullable: true })
  eventType: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  locationName: string | null;

  @Field(() => Float, { nullable: true })
  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  fatalities: number | null;

  @Field(() => ObservationSourceKind)
  @Column({
    type: 'enum',
    enum: ObservationSourceKind,
    enumName: 'observation_source_kind',
    default: 'OTHER',
  })
  sourceKind: ObservationSourceKind;

  @Field(() => String, { nullable: true, description: 'Citation of the source.' })
  @Column('text', { nullable: true })
  source: string | null;

  @Column('uuid', { nullable: true })
  riskFactorId: string | null;

  @ManyToOne(() => RiskFactor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'risk_factor_id' })
  riskFactor?: Relation<RiskFactor>;

  @Field(() => Classification, {
    description: 'Who may read the observation; see ResponsePlan.classification.',
  })
  @Column({ type: 'enum', enum: Classification, enumName: 'classification', default: 'PARTICIPANTS' })
  classification: Classification;

  @Field(() => SourceReliability, {
    nullable: true,
    description: 'Reliability of the source (Admiralty code A–F).',
  })
  @Column({ type: 'enum', enum: SourceReliability, enumName: 'source_reliability', nullable: true })
  reliability: SourceReliability | null;

  @Field(() => String, {
    nullable: true,
    description: "The source's own id, e.g. ACLED event_id_cnty; imports are idempotent on it.",
  })
  @Column('text', { nullable: true })
  externalId: string | null;
}
