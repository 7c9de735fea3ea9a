import type { NonEmptyArray } from 'type-graphql';
import { ActorResolver } from './actors/actor.resolver';
import { NodeResolver } from './node.resolver';

/** Every resolver of the schema. A module adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [NodeResolver, ActorResolver];
