import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { PhaseKind } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { Objective } from './objective.entity';
import { Phase } from './phase.entity';

export const ObjectiveOrderField = { CREATED_AT: 'CREATED_AT' } as const;
export type ObjectiveOrderField = keyof typeof ObjectiveOrderField;
registerEnumType(ObjectiveOrderField, { name: 'ObjectiveOrderField' });

@InputType('ObjectiveFilter')
export class ObjectiveFilter {
  @Field(() => ID, { nullable: true, description: 'Only objectives of this phase.' })
  @IsOptional()
  phaseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Substring of the title, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType('ObjectiveOrder')
export class ObjectiveOrder {
  @Field(() => ObjectiveOrderField) field: ObjectiveOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('CreatePhaseInput')
export class CreatePhaseInput {
  @Field(() => ID) planId: string;
  @Field(() => PhaseKind) kind: PhaseKind;

  @Field(() => String)
  @Length(1, 300)
  title: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Order within the plan; after the last phase unless given.',
  })
  @IsOptional()
  @Min(0)
  @Max(1000)
  position?: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  endsOn?: string | null;
}

@InputType('UpdatePhaseInput', { description: 'A patch: only the fields sent change.' })
export class UpdatePhaseInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => PhaseKind, { nullable: true })
  @IsOptional()
  kind?: PhaseKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  title?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1000)
  position?: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  endsOn?: string | null;
}

@InputType('CreateObjectiveInput')
export class CreateObjectiveInput {
  @Field(() => ID) planId: string;

  @Field(() => ID, { nullable: true, description: 'A phase of the same plan.' })
  @IsOptional()
  phaseId?: string | null;

  @Field(() => String)
  @Length(1, 300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The mandated task this objective serves.' })
  @IsOptional()
  mandatedTaskId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Risk factors this objective mitigates.' })
  @IsOptional()
  @ArrayMaxSize(14)
  riskFactorIds?: string[] | null;
}

@InputType('UpdateObjectiveInput', { description: 'A patch: only the fields sent change.' })
export class UpdateObjectiveInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => ID, { nullable: true, description: 'A phase of the same plan; null detaches.' })
  @IsOptional()
  phaseId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  mandatedTaskId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Replaces the set of risk factors; [] or null clears it.',
  })
  @IsOptional()
  @ArrayMaxSize(14)
  riskFactorIds?: string[] | null;
}

@ObjectType('CreatePhasePayload', { simpleResolvers: true })
export class CreatePhasePayload {
  @Field(() => Phase) phase: Phase;
}

@ObjectType('UpdatePhasePayload', { simpleResolvers: true })
export class UpdatePhasePayload {
  @Field(() => Phase) phase: Phase;
}

@ObjectType('CreateObjectivePayload', { simpleResolvers: true })
export class CreateObjectivePayload {
  @Field(() => Objective) objective: Objective;
}

@ObjectType('UpdateObjectivePayload', { simpleResolvers: true })
export class UpdateObjectivePayload {
  @Field(() => Objective) objective: Objective;
}

export const ObjectiveConnection = connectionType(Objective, 'Objective');
