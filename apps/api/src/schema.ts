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
  }).then(forCompiledExecution);
  return built;
}

const readTotalCount: GraphQLFieldResolver<{ totalCount: unknown }, unknown> = (connection) =>
  connection.totalCount;

/**
 * Compiled execution (graphql-jit) awaits only what resolvers return and needs type names
 * synchronously, where graphql-js is lenient. Two fields of the built schema are made explicit
 * for it, with the same behaviour under both executors:
 * - a connection's `totalCount` is a lazy getter that may give a promise: it gets a resolver;
 * - type-graphql wraps `Node.resolveType` in an async function: rows carry `__typename`, read directly.
 */
function forCompiledExecution(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLObjectType && type.name.endsWith('Connection')) {
      const field = type.getFields().totalCount;
      if (field && !field.resolve) field.resolve = readTotalCount;
    }
    if (type instanceof GraphQLInterfaceType && type.name === 'Node') {
      type.resolveType = (value: { __typename?: string }) => value.__typename;
    }
  }
  return schema;
}

/** The committed SDL: sorted, so that the file changes only when the schema does. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
