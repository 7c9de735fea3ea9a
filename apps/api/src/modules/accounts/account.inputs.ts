import { IsEmail, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MembershipRole } from '../../common/enums';
import { Actor } from '../actors/actor.entity';
import { Membership } from './membership.entity';
import { User } from './user.entity';

@InputType('SignInInput')
export class SignInInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @Length(1, 1000)
  password: string;
}

@ObjectType('ViewerMembership', { simpleResolvers: true })
export class ViewerMembership {
  @Field(() => Actor) actor: Actor;
  @Field(() => MembershipRole) role: MembershipRole;
}

@ObjectType('Viewer', {
  simpleResolvers: true,
  description: 'Who is asking: a person, or an integrator token.',
})
export class ViewerType {
  @Field(() => String, { description: 'USER or TOKEN.' }) kind: string;
  @Field(() => User, { nullable: true }) user: User | null;
  @Field(() => [ViewerMembership]) memberships: ViewerMembership[];
  @Field(() => [String], { description: 'Actions of the shared permission table the viewer may perform.' })
  permissions: string[];
}

@ObjectType('SignInPayload', { simpleResolvers: true })
export class SignInPayload {
  @Field(() => ViewerType) viewer: ViewerType;
}

@ObjectType('SignOutPayload', { simpleResolvers: true })
export class SignOutPayload {
  @Field(() => Boolean) signedOut: boolean;
}

@ObjectType('RateLimit', {
  simpleResolvers: true,
  description: 'The query budget of the caller, after this request.',
})
export class RateLimitType {
  @Field(() => Int, { description: 'What this operation cost.' }) cost: number;
  @Field(() => Int, { description: 'Size of the budget.' }) limit: number;
  @Field(() => Int) remaining: number;
  @Field(() => Int, { description: 'Points given back per second.' }) refillPerSecond: number;
}

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @Length(1, 200)
  displayName: string;

  @Field(() => String, { description: 'At least 12 characters.' })
  @Length(12, 1000, { message: 'must be at least 12 characters long' })
  password: string;
}

@ObjectType('CreateUserPayload', { simpleResolvers: true })
export class CreateUserPayload {
  @Field(() => User) user: User;
}

@InputType('SetMembershipInput', {
  description: 'Gives a user a role in an actor (replacing any role they had there).',
})
export class SetMembershipInput {
  @Field(() => ID) userId: string;
  @Field(() => ID) actorId: string;
  @Field(() => MembershipRole) role: MembershipRole;
}

@ObjectType('SetMembershipPayload', { simpleResolvers: true })
export class SetMembershipPayload {
  @Field(() => Membership) membership: Membership;
}
