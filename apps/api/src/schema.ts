import 'reflect-metadata';
import './common/enums';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { validateInput } from './common/validation';
import { resolvers } from './modules';

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validateFn: validateInput, emitSchemaFile: false });
  return built;
}

/** The committed SDL: sorted, so that the file changes only when the schema does. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
