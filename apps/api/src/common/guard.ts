import type { ApolloServerPlugin } from '@apollo/server';
import { type FieldNode, GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import type { Context } from '../context';
import type { ErrorCode } from './errors';

/**
 * Deny by default: without a session or token only these root fields answer. They read public
 * facts (the actor registry, partnerships, mandates, the Framework's risk factors) or sign in.
 * Everything else also checks the record and the viewer's role in its service.
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'actors',
  'actor',
  'partnerships',
  'mandates',
  'mandate',
  'riskFactors',
  'node',
  'nodes',
  'viewer',
  'rateLimit',
  'signIn',
  '__typename',
]);

/** The only mutations an integrator token may call; its scopes are checked again in the service. */
export const TOKEN_MUTATIONS: ReadonlySet<string> = new Set(['respondToAssignment', 'reportTaskProgress']);

const INTROSPECTION = new Set(['__schema', '__type']);

/** A GraphQL error with a code and an HTTP status, raised before execution. */
export function requestError(
  code: ErrorCode,
  message: string,
  status: number,
  details: Record<string, unknown> = {},
) {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status } } });
}

function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, SelectionSetNode>,
  out: FieldNode[] = [],
) {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, fragments, out);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFields(fragment, fragments, out);
    }
  }
  return out;
}

export function guardPlugin(options: { production: boolean }): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue: ctx }) {
          if (!operation) return;
          const fragments = new Map<string, SelectionSetNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION)
              fragments.set(definition.name.value, definition.selectionSet);
          }
          const fields = rootFields(operation.selectionSet, fragments).map((f) => f.name.value);
          const viewer = ctx.viewer;
          if (viewer.kind === 'anonymous') {
            if (options.production && fields.some((f) => INTROSPECTION.has(f))) {
              throw requestError('UNAUTHENTICATED', 'introspection needs a session or a token', 401);
            }
            const closed = fields.find((f) => !PUBLIC_ROOT_FIELDS.has(f) && !INTROSPECTION.has(f));
            if (closed)
              throw requestError('UNAUTHENTICATED', `sign in or send a token to use ${closed}`, 401);
          }
          if (viewer.kind === 'token' && operation.operation === 'mutation') {
            const closed = fields.find((f) => !TOKEN_MUTATIONS.has(f));
            if (closed) throw requestError('FORBIDDEN', `an integrator token cannot call ${closed}`, 403);
          }
          const scope = ctx.requestScope;
          if (scope && operation.operation === 'mutation') scope.operation = fields.join(',');
        },
      };
    },
  };
}
