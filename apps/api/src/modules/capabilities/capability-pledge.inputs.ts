import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CapabilityKind } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { CapabilityPledge } from './capability-pledge.entity';

// Bounds that catch typing mistakes without judging what an actor can offer.
const QUANTITY_MAX = 1_000_000;
const READINESS_MAX = 3650;

@InputType('PledgeCapabilityInput')
export class PledgeCapabilityInput {
  @Field(() => ID, { description: 'The actor that pledges.' })
  actorId: string;

  @Field(() => CapabilityKind)
  capability: CapabilityKind;

  @Field(() => Int, { description: 'How many units, people or (for FUNDING) US dollars; at least 1.' })
  @Min(1)
  @Max(QUANTITY_MAX)
  quantity: number;

  @Field(() => Int, { description: 'Days from request to deployment; 0 means already deployed.' })
  @Min(0)
  @Max(READINESS_MAX)
  readinessDays: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day the pledge holds; open when not given.',
  })
  @IsOptional()
  validUntil?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType('UpdateCapabilityPledgeInput', { description: 'A patch: only the fields sent change.' })
export class UpdateCapabilityPledgeInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => CapabilityKind, { nullable: true })
  @IsOptional()
  capability?: CapabilityKind;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(QUANTITY_MAX)
  quantity?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(READINESS_MAX)
  readinessDays?: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  validUntil?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@ObjectType('PledgeCapabilityPayload', { simpleResolvers: true })
export class PledgeCapabilityPayload {
  @Field(() => CapabilityPledge) capabilityPledge: CapabilityPledge;
}

@ObjectType('UpdateCapabilityPledgePayload', { simpleResolvers: true })
export class UpdateCapabilityPledgePayload {
  @Field(() => CapabilityPledge) capabilityPledge: CapabilityPledge;
}
