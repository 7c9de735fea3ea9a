import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badInput } from '../common/errors';
import { parseGlobalId } from '../common/ids';
import { Node } from '../common/node';
import { nodeLoader } from '../common/node-registry';
import type { Context } from '../context';

async function loadNode(ctx: Context, globalId: string, field: string) {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(field, 'is not a valid id');
  const loader = nodeLoader(parsed.type);
  if (!loader) throw badInput(field, 'is not a valid id');
  const row = await loader(ctx).load(parsed.id);
  // The Node interface resolves its concrete type from this tag.
  return row ? Object.assign(row, { __typename: parsed.type }) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Up to 100 objects by global id, in the order asked.',
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > 100) throw badInput('ids', 'at most 100 ids at once');
    return Promise.all(ids.map((id, i) => loadNode(ctx, id, `ids[${i}]`)));
  }
}
