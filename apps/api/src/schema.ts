import 'reflect-metadata';
import './common/enums';
// Every entity's GraphQL type is registered, whichever entry point (server, schema emit, tests) builds it.
import './db/entities';
import {
  type GraphQLFieldResolver,
  GraphQLInterfaceType,
  GraphQLObjectType,
  type GraphQLSchema,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { buildSchema } from 'type-graphql';
import { reuseFieldArguments } from './common/field-arguments';
import { toGlobalId } from './common/ids';
import { validateInput } from './common/validation';
import { resolvers } from './modules';
import { unusedPubSub } from './modules/live/pubsub';

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validateFn: validateInput,
    emitSchemaFile: false,
    pubSub: unusedPubSub,
  }).then((schema) => {
    reuseFieldArguments(schema);
    return forCompiledExecution(schema);
  });
  return built;
}

/**
 * Every Node's id is the global id of its row (common/global-id.ts). Marked
 * `jitInlineLeaf` (our patch of graphql-jit, patches/): the compiled query calls it inline, like a
 * property read, instead of as a resolver with its resolve info, response path and callbacks built
 * for each row (≈ 1 µs and a few hundred bytes per id; half the resolver calls of a nested page).
 */
const globalIdOf = (typename: string): GraphQLFieldResolver<{ id: string }, unknown> =>
  Object.assign((row: { id: string }) => toGlobalId(typename, row.id), { jitInlineLeaf: true });

const readTotalCount: GraphQLFieldResolver<{ totalCount: unknown }, unknown> = (connection) =>
  connection.totalCount;

/**
 * What the built schema resolves without type-graphql, the same under both executors:
 * - every Node's `id`: the global id of its row, one plain function per type (no field resolver
 *   per type, no type-graphql wrapper per row);
 * - a connection's `totalCount`, a lazy getter that may give a promise (graphql-jit awaits only
 *   what resolvers return);
 * - `Node.resolveType`, which type-graphql wraps in an async function (graphql-jit needs the type
 *   name synchronously): rows carry `__typename`.
 */
function forCompiledExecution(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLObjectType && type.name.endsWith('Connection')) {
      const field = type.getFields().totalCount;
      if (field && !field.resolve) field.resolve = readTotalCount;
    }
    if (type instanceof GraphQLInterfaceType && type.name === 'Node') {
      type.resolveType = (value: { __typename?: string }) => value.__typename;
      for (const implementation of schema.getPossibleTypes(type)) {
        implementation.getFields().id.resolve = globalIdOf(implementation.name);
      }
    }
  }
  return schema;
}

/** The committed SDL: sorted, so that the file changes only when the schema does. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
