import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Presence, PresenceMode } from './presence.entity';

@InputType('HeartbeatPresenceInput', {
  description: 'Sent every few seconds while a plan is open; the entry lapses when the heartbeats stop.',
})
export class HeartbeatPresenceInput {
  @Field(() => ID) planId: string;

  @Field(() => String, {
    description: 'Identifies this tab or client among your own (e.g. a random id per tab).',
  })
  @Length(1, 100)
  clientId: string;

  @Field(() => PresenceMode, { description: 'EDITING is for editors of the plan.' })
  mode: PresenceMode;

  @Field(() => String, {
    nullable: true,
    description: 'What you look at or edit, e.g. "task:<id>" or "plan:title".',
  })
  @IsOptional()
  @MaxLength(200)
  focus?: string | null;
}

@InputType('LeavePlanInput')
export class LeavePlanInput {
  @Field(() => ID) planId: string;

  @Field(() => String)
  @Length(1, 100)
  clientId: string;
}

@ObjectType('HeartbeatPresencePayload', { simpleResolvers: true })
export class HeartbeatPresencePayload {
  @Field(() => Presence, { description: 'Your entry as others see it.' })
  presence: Presence;
}

@ObjectType('LeavePlanPayload', { simpleResolvers: true })
export class LeavePlanPayload {
  @Field(() => Boolean, { description: 'Whether you were present (with this client) until now.' })
  left: boolean;
}
