import 'reflect-metadata';
import './common/enums';
// Every entity's GraphQL type is registered, whichever entry point (server, schema emit, tests) builds it.
import './db/entities';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
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
  });
  return built;
}

/** The committed SDL: sorted, so that the file changes only when the schema does. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
