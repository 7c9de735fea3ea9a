import { ArrayMaxSize, IsIn, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { Classification, ParticipantRole, PlanStatus } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { PlanParticipant } from './plan-participant.entity';
import { ResponsePlan } from './response-plan.entity';

export const ResponsePlanOrderField = { CREATED_AT: 'CREATED_AT', TITLE: 'TITLE' } as const;
export type ResponsePlanOrderField = keyof typeof ResponsePlanOrderField;
registerEnumType(ResponsePlanOrderField, { name: 'ResponsePlanOrderField' });

const invitedRoles = ['CONTRIBUTOR', 'OBSERVER'];
const invitedRoleMessage = 'must be CONTRIBUTOR or OBSERVER; the lead is named by leadActorId';

@InputType('ResponsePlanFilter')
export class ResponsePlanFilter {
  @Field(() => [PlanStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  statuses?: PlanStatus[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  situationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  leadActorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Plans this actor takes part in, in any role.' })
  @IsOptional()
  participantActorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Substring of the title or summary, case-insensitive.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType('ResponsePlanOrder')
export class ResponsePlanOrder {
  @Field(() => ResponsePlanOrderField) field: ResponsePlanOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('PlanParticipantInput')
export class PlanParticipantInput {
  @Field(() => ID) actorId: string;

  @Field(() => ParticipantRole, { description: 'CONTRIBUTOR or OBSERVER.' })
  @IsIn(invitedRoles, { message: invitedRoleMessage })
  role: ParticipantRole;
}

@InputType('CreateResponsePlanInput')
export class CreateResponsePlanInput {
  @Field(() => String)
  @Length(1, 300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  summary?: string | null;

  @Field(() => ID) situationId: string;

  @Field(() => ID, { description: 'The leading actor; it becomes the LEAD participant.' })
  leadActorId: string;

  @Field(() => PlanStatus, { nullable: true, description: 'DRAFT unless given.' })
  @IsOptional()
  status?: PlanStatus | null;

  @Field(() => Classification, {
    nullable: true,
    description: 'Who may read the plan; PARTICIPANTS unless given.',
  })
  @IsOptional()
  classification?: Classification | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  endsOn?: string | null;

  @Field(() => [PlanParticipantInput], { nullable: true, description: 'Other actors taking part.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested()
  participants?: PlanParticipantInput[] | null;
}

@InputType('UpdateResponsePlanInput', { description: 'A patch: only the fields sent change.' })
export class UpdateResponsePlanInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  summary?: string | null;

  @Field(() => PlanStatus, { nullable: true })
  @IsOptional()
  status?: PlanStatus | null;

  @Field(() => Classification, {
    nullable: true,
    description: 'Who may read the plan; only the lead organisation may change it.',
  })
  @IsOptional()
  classification?: Classification | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  endsOn?: string | null;
}

@InputType('AddPlanParticipantInput')
export class AddPlanParticipantInput {
  @Field(() => ID) planId: string;
  @Field(() => ID) actorId: string;

  @Field(() => ParticipantRole, { description: 'CONTRIBUTOR or OBSERVER.' })
  @IsIn(invitedRoles, { message: invitedRoleMessage })
  role: ParticipantRole;
}

@InputType('RemovePlanParticipantInput')
export class RemovePlanParticipantInput {
  @Field(() => ID) planId: string;
  @Field(() => ID) actorId: string;
}

@ObjectType('CreateResponsePlanPayload', { simpleResolvers: true })
export class CreateResponsePlanPayload {
  @Field(() => ResponsePlan) responsePlan: ResponsePlan;
}

@ObjectType('UpdateResponsePlanPayload', { simpleResolvers: true })
export class UpdateResponsePlanPayload {
  @Field(() => ResponsePlan) responsePlan: ResponsePlan;
}

@ObjectType('AddPlanParticipantPayload', { simpleResolvers: true })
export class AddPlanParticipantPayload {
  @Field(() => PlanParticipant) participant: PlanParticipant;
  @Field(() => ResponsePlan) responsePlan: ResponsePlan;
}

@ObjectType('RemovePlanParticipantPayload', { simpleResolvers: true })
export class RemovePlanParticipantPayload {
  @Field(() => ID, { description: 'Global id of the participation that was removed.' })
  removedParticipantId: string;

  @Field(() => ResponsePlan) responsePlan: ResponsePlan;
}

export const ResponsePlanConnection = connectionType(ResponsePlan, 'ResponsePlan');
