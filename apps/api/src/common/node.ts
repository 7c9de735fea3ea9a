import { Field, ID, InterfaceType } from 'type-graphql';

/** Every entity implements Node; its id is opaque and global. */
@InterfaceType('Node', {
  description: 'An object with a global, opaque id, fetchable with node(id:) and nodes(ids:).',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque identifier.' })
  id: string;
}
