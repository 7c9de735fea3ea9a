import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import type { RateLimitInfo } from '../../common/limits';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import {
  CreateUserInput,
  CreateUserPayload,
  RateLimitType,
  SetMembershipInput,
  SetMembershipPayload,
  SignInInput,
  SignInPayload,
  SignOutPayload,
  ViewerType,
} from './account.inputs';
import { userById } from './account.loaders';
import { accountService } from './account.service';
import { Membership } from './membership.entity';
import { User } from './user.entity';

@Resolver()
export class AccountResolver {
  @Query(() => ViewerType, { nullable: true, description: 'Who you are; null when not signed in.' })
  viewer(@Ctx() ctx: Context) {
    return accountService.viewer(ctx);
  }

  @Query(() => RateLimitType, { nullable: true, description: 'Your query budget after this request.' })
  rateLimit(@Ctx() ctx: Context & { rateLimit?: RateLimitInfo }) {
    return ctx.rateLimit ?? null;
  }

  @Mutation(() => SignInPayload, { description: 'Opens a session; the session cookie is HttpOnly.' })
  signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context) {
    return accountService.signIn(ctx, input);
  }

  @Mutation(() => SignOutPayload)
  signOut(@Ctx() ctx: Context) {
    return accountService.signOut(ctx);
  }

  @Mutation(() => CreateUserPayload, { description: 'Administrators only.' })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return accountService.createUser(ctx, input);
  }

  @Mutation(() => SetMembershipPayload, { description: 'Administrators only.' })
  setMembership(@Arg('input', () => SetMembershipInput) input: SetMembershipInput, @Ctx() ctx: Context) {
    return accountService.setMembership(ctx, input);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => User)
  user(@Parent() membership: Membership, @Ctx() ctx: Context) {
    return userById(ctx).load(membership.userId);
  }

  @FieldResolver(() => Actor)
  actor(@Parent() membership: Membership, @Ctx() ctx: Context) {
    return actorById(ctx).load(membership.actorId);
  }
}
