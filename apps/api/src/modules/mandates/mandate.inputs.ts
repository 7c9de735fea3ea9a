import { IsBoolean, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { LocalDateScalar } from '../../common/scalars';
import { Mandate } from './mandate.entity';

export const MandateOrderField = { ADOPTED_ON: 'ADOPTED_ON', CREATED_AT: 'CREATED_AT' } as const;
export type MandateOrderField = keyof typeof MandateOrderField;
registerEnumType(MandateOrderField, { name: 'MandateOrderField' });

/** Authorised personnel ceilings are counts; this bound only keeps them within a plausible range. */
const CEILING_MAX = 1_000_000;

@InputType('MandateFilter')
export class MandateFilter {
  @Field(() => ID, { nullable: true, description: 'Only mandates given to this mission.' })
  @IsOptional()
  missionActorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only mandates adopted by this body.' })
  @IsOptional()
  authorizingActorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Substring of the symbol or title, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Only mandates in force on this date: adopted on or before it, not yet expired.',
  })
  @IsOptional()
  activeOn?: string | null;
}

@InputType('ActorMandateFilter')
export class ActorMandateFilter {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Only mandates in force on this date: adopted on or before it, not yet expired.',
  })
  @IsOptional()
  activeOn?: string | null;
}

@InputType('MandateOrder')
export class MandateOrder {
  @Field(() => MandateOrderField) field: MandateOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

@InputType('CreateMandateInput')
export class CreateMandateInput {
  @Field(() => String, { description: 'Document symbol, unique, e.g. "S/RES/1996 (2011)".' })
  @Length(1, 100)
  symbol: string;

  @Field(() => String)
  @Length(1, 500)
  title: string;

  @Field(() => ID, { description: 'The body that adopted it, e.g. the Security Council.' })
  authorizingActorId: string;

  @Field(() => ID, { description: 'The mission it mandates.' })
  missionActorId: string;

  @Field(() => LocalDateScalar)
  adoptedOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  expiresOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false when not given.' })
  @IsOptional()
  @IsBoolean()
  chapterVii?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(CEILING_MAX)
  troopCeiling?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(CEILING_MAX)
  policeCeiling?: number | null;

  @Field(() => ID, { nullable: true, description: 'The earlier mandate this one renews.' })
  @IsOptional()
  renewsMandateId?: string | null;
}

@InputType('UpdateMandateInput', { description: 'A patch: only the fields sent change.' })
export class UpdateMandateInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  symbol?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  authorizingActorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  missionActorId?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  adoptedOn?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  expiresOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  chapterVii?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(CEILING_MAX)
  troopCeiling?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(CEILING_MAX)
  policeCeiling?: number | null;

  @Field(() => ID, { nullable: true, description: 'null removes the link to a renewed mandate.' })
  @IsOptional()
  renewsMandateId?: string | null;
}

@ObjectType('CreateMandatePayload', { simpleResolvers: true })
export class CreateMandatePayload {
  @Field(() => Mandate) mandate: Mandate;
}

@ObjectType('UpdateMandatePayload', { simpleResolvers: true })
export class UpdateMandatePayload {
  @Field(() => Mandate) mandate: Mandate;
}

export const MandateConnection = connectionType(Mandate, 'Mandate');
