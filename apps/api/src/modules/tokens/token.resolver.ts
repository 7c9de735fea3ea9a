import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { toGlobalId } from '../../common/ids';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { ApiToken } from './api-token.entity';
import {
  ApiTokenConnection,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
} from './token.inputs';
import { tokenService } from './token.service';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => ID)
  id(@Parent() token: ApiToken) {
    return toGlobalId('ApiToken', token.id);
  }

  @FieldResolver(() => Actor)
  actor(@Parent() token: ApiToken, @Ctx() ctx: Context) {
    return actorById(ctx).load(token.actorId);
  }

  @Query(() => ApiTokenConnection, { description: 'Integrator tokens of your organisations, newest first.' })
  apiTokens(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return tokenService.list(ctx, page);
  }

  @Mutation(() => CreateApiTokenPayload)
  createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context) {
    return tokenService.create(ctx, input);
  }

  @Mutation(() => RevokeApiTokenPayload, {
    description: 'Effective on the very next request made with the token.',
  })
  revokeApiToken(@Arg('input', () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: Context) {
    return tokenService.revoke(ctx, input);
  }
}
