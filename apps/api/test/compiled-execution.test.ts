import { type DocumentNode, Kind, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import * as web from '../../web/src/gql/graphql';
import { createSchema } from '../src/schema';

/**
 * The API executes operations compiled by graphql-jit, falling back to graphql-js for a document
 * it cannot compile. Every operation the workspace sends must take the compiled path.
 */
describe('compiled execution', () => {
  const documents = Object.entries(web).filter(
    (entry): entry is [string, DocumentNode] =>
      entry[0].endsWith('Document') && (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT,
  );

  it('finds the workspace operations', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it('compiles every operation of the workspace', async () => {
    const schema = await createSchema();
    const failed = documents.filter(([, document]) => !isCompiledQuery(compileQuery(schema, document)));
    expect(failed.map(([name]) => name)).toEqual([]);
  });

  it('compiles node(id:) with fragments on several types', async () => {
    const schema = await createSchema();
    const document = parse(`query N($id: ID!) { node(id: $id) { id __typename
      ... on Task { title plan { title } } ... on Actor { name } } }`);
    expect(isCompiledQuery(compileQuery(schema, document))).toBe(true);
  });
});
