import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { PartnershipKind, PartnershipStatus } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { Partnership } from './partnership.entity';

export const PartnershipOrderField = { VALID_FROM: 'VALID_FROM', CREATED_AT: 'CREATED_AT' } as const;
export type PartnershipOrderField = keyof typeof PartnershipOrderField;
registerEnumType(PartnershipOrderField, {
  name: 'PartnershipOrderField',
  valuesConfig: { VALID_FROM: { description: 'Start of validity; an open start sorts as the earliest.' } },
});

@InputType('PartnershipFilter')
export class PartnershipFilter {
  @Field(() => [PartnershipKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: PartnershipKind[] | null;

  @Field(() => [PartnershipStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: PartnershipStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only partnerships with this actor at either end.' })
  @IsOptional()
  actorId?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Only partnerships valid on this date (an open start or end counts as valid).',
  })
  @IsOptional()
  asOf?: string | null;
}

@InputType('PartnershipOrder')
export class PartnershipOrder {
  @Field(() => PartnershipOrderField) field: PartnershipOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('CreatePartnershipInput')
export class CreatePartnershipInput {
  @Field(() => ID, {
    description: 'The actor the relationship goes from (South Sudan in "South Sudan HOSTS UNMISS").',
  })
  sourceId: string;

  @Field(() => ID, { description: 'The actor the relationship goes to.' })
  targetId: string;

  @Field(() => PartnershipKind)
  kind: PartnershipKind;

  @Field(() => PartnershipStatus, { nullable: true, description: 'ACTIVE when not given.' })
  @IsOptional()
  status?: PartnershipStatus | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  instrument?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType('UpdatePartnershipInput', { description: 'A patch: only the fields sent change.' })
export class UpdatePartnershipInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  sourceId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  targetId?: string;

  @Field(() => PartnershipKind, { nullable: true })
  @IsOptional()
  kind?: PartnershipKind;

  @Field(() => PartnershipStatus, { nullable: true })
  @IsOptional()
  status?: PartnershipStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  instrument?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@ObjectType('CreatePartnershipPayload', { simpleResolvers: true })
export class CreatePartnershipPayload {
  @Field(() => Partnership) partnership: Partnership;
}

@ObjectType('UpdatePartnershipPayload', { simpleResolvers: true })
export class UpdatePartnershipPayload {
  @Field(() => Partnership) partnership: Partnership;
}

export const PartnershipConnection = connectionType(Partnership, 'Partnership');
