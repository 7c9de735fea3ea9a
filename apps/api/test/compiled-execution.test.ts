import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import * as web from '../../web/src/gql/graphql';
import { createSchema } from '../src/schema';

/** A result's data and its errors (message, path, locations) in path order, to compare executors. */
const shape = (result: ExecutionResult) => ({
  data: result.data,
  errors: result.errors
    ?.map((e) => ({ message: e.message, path: e.path, locations: e.locations }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
});

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

  it('calls a leaf marked jitInlineLeaf inline, with its parent only (patches/graphql-jit)', async () => {
    const calls: number[] = [];
    const inline = Object.assign(
      (row: { id: string }, ...rest: unknown[]) => {
        calls.push(rest.length);
        return `I:${row.id}`;
      },
      { jitInlineLeaf: true },
    );
    const plain = (row: { id: string }, ...rest: unknown[]) => {
      calls.push(rest.length);
      return `P:${row.id}`;
    };
    const Row = new GraphQLObjectType({
      name: 'Row',
      fields: {
        id: { type: new GraphQLNonNull(GraphQLID), resolve: inline },
        other: { type: GraphQLID, resolve: plain },
      },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { rows: { type: new GraphQLList(Row), resolve: () => [{ id: 'a' }, { id: 'b' }] } },
      }),
    });
    const compiled = compileQuery(
      schema,
      parse('query Q($with: Boolean!) { rows { id other @include(if: $with) } }'),
    );
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const result = await compiled.query(undefined, {}, { with: true });
    expect(result).toEqual({
      data: {
        rows: [
          { id: 'I:a', other: 'P:a' },
          { id: 'I:b', other: 'P:b' },
        ],
      },
    });
    // The inline leaf sees its parent alone; a resolver gets args, context and resolve info.
    expect(calls.sort()).toEqual([0, 0, 3, 3]);
    const skipped = await compiled.query(undefined, {}, { with: false });
    expect(skipped).toEqual({ data: { rows: [{ id: 'I:a' }, { id: 'I:b' }] } });
  });

  it("marks every Node's id for inline calls", async () => {
    const schema = await createSchema();
    const task = schema.getType('Task') as GraphQLObjectType;
    const actor = schema.getType('Actor') as GraphQLObjectType;
    expect(task.getFields().id.resolve).toHaveProperty('jitInlineLeaf', true);
    expect(actor.getFields().id.resolve).toHaveProperty('jitInlineLeaf', true);
  });

  it('reports a null or failed leaf with the path and locations graphql-js gives (patches/graphql-jit)', async () => {
    const Item = new GraphQLObjectType({
      name: 'Item',
      fields: {
        name: { type: new GraphQLNonNull(GraphQLString) },
        note: { type: GraphQLString },
      },
    });
    const Group = new GraphQLObjectType({
      name: 'Group',
      fields: { items: { type: new GraphQLList(Item) } },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          groups: {
            type: new GraphQLList(Group),
            resolve: () => [
              {
                items: [
                  { name: 'a', note: 'n' },
                  { name: null, note: 'n' },
                ],
              },
              { items: [{ name: 'c', note: new Error('note failed') }] },
            ],
          },
        },
      }),
    });
    const document = parse('{ groups {\n items { name note } } }');
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const jit = await compiled.query(undefined, {}, {});
    const reference = await execute({ schema, document });
    expect(shape(jit)).toEqual(shape(reference));
    expect(shape(jit).errors?.map((e) => e.path)).toEqual([
      ['groups', 0, 'items', 1, 'name'],
      ['groups', 1, 'items', 0, 'note'],
    ]);
  });

  it('calls resolvers with a lazily made path, the same as graphql-js, sync or async, thrown or rejected (patches/graphql-jit)', async () => {
    type Info = { path: unknown };
    const infos: Info[] = [];
    const seen = (info: Info) => {
      infos.push(info);
      return info;
    };
    const pathOf = (path: { key: unknown; prev?: unknown } | undefined): unknown[] =>
      path ? [...pathOf(path.prev as typeof path), path.key] : [];
    const Leaf = new GraphQLObjectType({
      name: 'Leaf',
      fields: {
        at: {
          type: GraphQLString,
          resolve: (_row, _args, _ctx, info) => JSON.stringify(pathOf(seen(info).path as never)),
        },
        later: {
          type: GraphQLString,
          resolve: async (row: { n: number }, _args, _ctx, info) => {
            seen(info);
            if (row.n % 10 === 1) throw new Error('later failed');
            return `later ${row.n}`;
          },
        },
        now: {
          type: new GraphQLNonNull(GraphQLString),
          resolve: (row: { n: number }, _args, _ctx, info) => {
            seen(info);
            if (row.n % 10 === 2) throw new Error('now failed');
            return `now ${row.n}`;
          },
        },
      },
    });
    const Branch = new GraphQLObjectType({
      name: 'Branch',
      fields: {
        leaves: {
          type: new GraphQLList(Leaf),
          resolve: (branch: { n: number }, _args, _ctx, info) => {
            seen(info);
            return [0, 1, 2].map((i) => ({ n: branch.n * 10 + i }));
          },
        },
      },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { branches: { type: new GraphQLList(Branch), resolve: () => [{ n: 0 }, { n: 1 }] } },
      }),
    });
    const document = parse('{ branches { leaves { at later now } } }');
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const jit = await compiled.query(undefined, {}, {});
    const jitInfos = infos.splice(0);
    // The path is made when it is read: it is no property of the info object itself.
    const unread = jitInfos.find((info) => !Object.getOwnPropertyDescriptor(info, 'path'));
    expect(unread).toBeDefined();
    const reference = await execute({ schema, document });
    const referenceInfos = infos.splice(0);
    expect(shape(jit)).toEqual(shape(reference));
    expect(shape(jit).errors?.map((e) => e.message)).toEqual([
      'later failed',
      'now failed',
      'later failed',
      'now failed',
    ]);
    const paths = (list: Info[]) => list.map((info) => JSON.stringify(pathOf(info.path as never))).sort();
    expect(paths(jitInfos)).toEqual(paths(referenceInfos));
    expect(paths(jitInfos)).toContain(JSON.stringify(['branches', 1, 'leaves', 2, 'now']));
  });
});
