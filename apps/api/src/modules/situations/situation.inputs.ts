import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { SituationStatus } from '../../common/enums';
import { COUNTRY_CODE_MESSAGE, COUNTRY_CODES } from './country-codes';
import { Situation } from './situation.entity';

export const SituationOrderField = { NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const;
export type SituationOrderField = keyof typeof SituationOrderField;
registerEnumType(SituationOrderField, { name: 'SituationOrderField' });

const ADMIN_AREAS_MAX = 100;

@InputType('SituationFilter')
export class SituationFilter {
  @Field(() => [SituationStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: SituationStatus[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: COUNTRY_CODE_MESSAGE })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Substring of the name, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only exercises (true) or only real situations (false).',
  })
  @IsOptional()
  isExercise?: boolean | null;
}

@InputType('SituationOrder')
export class SituationOrder {
  @Field(() => SituationOrderField) field: SituationOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('CreateSituationInput')
export class CreateSituationInput {
  @Field(() => String)
  @Length(1, 300)
  name: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the country concerned, in capitals.' })
  @IsIn(COUNTRY_CODES, { message: COUNTRY_CODE_MESSAGE })
  countryCode: string;

  @Field(() => [String], {
    nullable: true,
    description: `Administrative areas concerned (ISO 3166-2 codes or names), at most ${ADMIN_AREAS_MAX}.`,
  })
  @IsOptional()
  @ArrayMaxSize(ADMIN_AREAS_MAX)
  @ArrayUnique()
  @Length(1, 200, { each: true })
  adminAreas?: string[] | null;

  @Field(() => SituationStatus, { nullable: true, description: 'WATCH when not given.' })
  @IsOptional()
  status?: SituationStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  summary?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False when not given.' })
  @IsOptional()
  isExercise?: boolean | null;
}

@InputType('UpdateSituationInput', { description: 'A patch: only the fields sent change.' })
export class UpdateSituationInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: COUNTRY_CODE_MESSAGE })
  countryCode?: string | null;

  @Field(() => [String], { nullable: true, description: `Replaces the list; at most ${ADMIN_AREAS_MAX}.` })
  @IsOptional()
  @ArrayMaxSize(ADMIN_AREAS_MAX)
  @ArrayUnique()
  @Length(1, 200, { each: true })
  adminAreas?: string[] | null;

  @Field(() => SituationStatus, { nullable: true })
  @IsOptional()
  status?: SituationStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  summary?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  isExercise?: boolean | null;
}

@ObjectType('CreateSituationPayload', { simpleResolvers: true })
export class CreateSituationPayload {
  @Field(() => Situation) situation: Situation;
}

@ObjectType('UpdateSituationPayload', { simpleResolvers: true })
export class UpdateSituationPayload {
  @Field(() => Situation) situation: Situation;
}

export const SituationConnection = connectionType(Situation, 'Situation');
