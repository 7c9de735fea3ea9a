import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { Classification, ObservationSourceKind, SourceReliability } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { Observation } from './observation.entity';

export const ObservationOrderField = { OCCURRED_ON: 'OCCURRED_ON' } as const;
export type ObservationOrderField = keyof typeof ObservationOrderField;
registerEnumType(ObservationOrderField, { name: 'ObservationOrderField' });

const INDICATORS_MAX = 50;

@InputType('ObservationFilter')
export class ObservationFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Occurred on or after this date.' })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Occurred on or before this date.' })
  @IsOptional()
  to?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only evidence for this risk factor (1–14).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(14)
  riskFactorNumber?: number | null;
}

@InputType('ObservationOrder')
export class ObservationOrder {
  @Field(() => ObservationOrderField) field: ObservationOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

@InputType('RecordObservationInput', {
  description: 'A location is a point: latitude and longitude are given together or not at all.',
})
export class RecordObservationInput {
  @Field(() => ID) situationId: string;

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  occurredOn: string;

  @Field(() => String)
  @Length(1, 500)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Event type, e.g. ACLED "Violence against civilians".',
  })
  @IsOptional()
  @Length(1, 200)
  eventType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  locationName?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, −90 to 90.' })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, −180 to 180.' })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reported deaths, 0 or more.' })
  @IsOptional()
  @Min(0)
  fatalities?: number | null;

  @Field(() => ObservationSourceKind, { nullable: true, description: 'OTHER when not given.' })
  @IsOptional()
  sourceKind?: ObservationSourceKind | null;

  @Field(() => String, { nullable: true, description: 'Citation of the source.' })
  @IsOptional()
  @MaxLength(2_000)
  source?: string | null;

  @Field(() => ID, { nullable: true, description: 'The risk factor this is evidence for.' })
  @IsOptional()
  riskFactorId?: string | null;

  @Field(() => Classification, {
    nullable: true,
    description: 'Who may read it; PARTICIPANTS when not given.',
  })
  @IsOptional()
  classification?: Classification | null;

  @Field(() => SourceReliability, {
    nullable: true,
    description: 'Reliability of the source, Admiralty code A (completely reliable) to F (cannot be judged).',
  })
  @IsOptional()
  reliability?: SourceReliability | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Framework indicators this is evidence for (RiskIndicator ids), at most ${INDICATORS_MAX}.`,
  })
  @IsOptional()
  @ArrayMaxSize(INDICATORS_MAX)
  @ArrayUnique()
  indicatorIds?: string[] | null;
}

@InputType('UpdateObservationInput', {
  description: 'A patch: only the fields sent change; null clears an optional one.',
})
export class UpdateObservationInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  occurredOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  eventType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  locationName?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  fatalities?: number | null;

  @Field(() => ObservationSourceKind, { nullable: true })
  @IsOptional()
  sourceKind?: ObservationSourceKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2_000)
  source?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  riskFactorId?: string | null;

  @Field(() => Classification, { nullable: true })
  @IsOptional()
  classification?: Classification | null;

  @Field(() => SourceReliability, { nullable: true, description: 'Null clears it.' })
  @IsOptional()
  reliability?: SourceReliability | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the indicators; an empty list clears them.' })
  @IsOptional()
  @ArrayMaxSize(INDICATORS_MAX)
  @ArrayUnique()
  indicatorIds?: string[] | null;
}

@ObjectType('RecordObservationPayload', { simpleResolvers: true })
export class RecordObservationPayload {
  @Field(() => Observation) observation: Observation;
}

@ObjectType('UpdateObservationPayload', { simpleResolvers: true })
export class UpdateObservationPayload {
  @Field(() => Observation) observation: Observation;
}

export const ObservationConnection = connectionType(Observation, 'Observation');
