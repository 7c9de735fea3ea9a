import type { BuildSchemaOptions } from 'type-graphql';

/**
 * type-graphql asks for a PubSub as soon as the schema has subscriptions. Ours subscribe through
 * their own functions over the change log (see live.service.ts), so nothing is published here.
 */
export const unusedPubSub: NonNullable<BuildSchemaOptions['pubSub']> = {
  publish() {
    throw new Error('live updates are published through the change log, not a PubSub');
  },
  subscribe() {
    throw new Error('live updates subscribe through the change log, not a PubSub');
  },
};
