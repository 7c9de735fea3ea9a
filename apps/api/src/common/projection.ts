import {
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { PageArgs, PageRequest } from './connection';
import { stateOn } from './execution-state';

/** What a query reads of the rows a resolver returns: the object type and the field names asked for. */
export type Projection = { type: GraphQLObjectType; fields: ReadonlySet<string> };

/** The path from a connection to its nodes. */
export const EDGE_NODE = ['edges', 'node'] as const;

const cache = new WeakMap<object, Map<string, Projection | null>>();

/**
 * The fields a query selects on the objects a resolver returns, directly or under `path` (for a
 * connection, `['edges', 'node']`), through fragments and across aliases. Null when the objects
 * are not of one object type. Computed once per field of a compiled document.
 */
export function projectionOf(info: GraphQLResolveInfo, path: readonly string[] = []): Projection | null {
  return cached(info, path, false);
}

/**
 * Like projectionOf, but when the objects under `path` are of one object type and the query
 * selects none of their fields (a partner edge's partnership, say), a projection of no fields
 * instead of null: their key columns are then all that is read of them.
 */
export function selectedProjectionOf(info: GraphQLResolveInfo, path: readonly string[]): Projection | null {
  return cached(info, path, true);
}

const REQUESTS = Symbol('concord.pageRequests');

/**
 * The page arguments of the connection a resolver returns, with whether the query reads its
 * pageInfo and its cursors. One object per arguments object and answers: a field's arguments are
 * one object for all its parent rows (common/field-arguments.ts), and so is its request. The same
 * arguments may serve the field at another path, merged with other selections there.
 */
export function pageRequest(page: PageArgs, info: GraphQLResolveInfo): PageRequest {
  const { readsPageInfo, readsCursors } = readsOf(info);
  const requests = stateOn(page, REQUESTS, () => new Map<number, PageRequest>());
  const key = (readsPageInfo ? 1 : 0) + (readsCursors ? 2 : 0);
  let request = requests?.get(key);
  if (!request) {
    request = { ...page, readsPageInfo, readsCursors };
    requests?.set(key, request);
  }
  return request;
}

type Reads = { readsPageInfo: boolean; readsCursors: boolean };
const reads = new WeakMap<object, Reads>();

/** What a query reads of a connection besides its nodes, worked out once per field of a document. */
function readsOf(info: GraphQLResolveInfo): Reads {
  let known = reads.get(info.fieldNodes);
  if (!known) {
    const connection = projectionOf(info);
    const readsPageInfo = !connection || connection.fields.has('pageInfo');
    known = { readsPageInfo, readsCursors: !connection || readsCursorsOf(info, readsPageInfo) };
    reads.set(info.fieldNodes, known);
  }
  return known;
}

/** Whether a connection's cursors are read: an edge's, or pageInfo's start and end cursors. */
function readsCursorsOf(info: GraphQLResolveInfo, readsPageInfo: boolean): boolean {
  if (projectionOf(info, ['edges'])?.fields.has('cursor')) return true;
  if (!readsPageInfo) return false;
  const pageInfo = projectionOf(info, ['pageInfo']);
  return !pageInfo || pageInfo.fields.has('startCursor') || pageInfo.fields.has('endCursor');
}

function cached(info: GraphQLResolveInfo, path: readonly string[], orEmpty: boolean): Projection | null {
  let byPath = cache.get(info.fieldNodes);
  if (!byPath) {
    byPath = new Map();
    cache.set(info.fieldNodes, byPath);
  }
  const key = orEmpty ? `${path.join('.')}!` : path.join('.');
  let projection = byPath.get(key);
  if (projection === undefined) {
    projection = compute(info, path, orEmpty);
    byPath.set(key, projection);
  }
  return projection;
}

function compute(info: GraphQLResolveInfo, path: readonly string[], orEmpty: boolean): Projection | null {
  let type = getNamedType(info.returnType);
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    if (!isObjectType(type)) return null;
    const field = type.getFields()[name];
    if (!field) return null;
    type = getNamedType(field.type);
    const next: SelectionSetNode[] = [];
    for (const set of sets)
      visitFields(set, info, (node) => {
        if (node.name.value === name && node.selectionSet) next.push(node.selectionSet);
      });
    sets = next;
  }
  if (!isObjectType(type)) return null;
  if (!sets.length) return orEmpty ? { type, fields: new Set() } : null;
  const fields = new Set<string>();
  for (const set of sets) visitFields(set, info, (node) => fields.add(node.name.value));
  return { type, fields };
}

function visitFields(
  set: SelectionSetNode,
  info: GraphQLResolveInfo,
  visit: (node: { name: { value: string }; selectionSet?: SelectionSetNode }) => void,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) visitFields(selection.selectionSet, info, visit);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) visitFields(fragment.selectionSet, info, visit);
    }
  }
}
