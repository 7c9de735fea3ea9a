import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit: each document is compiled once into a JavaScript function
 * and the compiled plan is kept as long as Apollo keeps the parsed document (its document store
 * hands back the same DocumentNode for the same query text). Parsing, validation, the guard, the
 * cost limit and error formatting stay Apollo's; only the execution step is replaced. A document
 * graphql-jit cannot compile runs on graphql-js.
 *
 * Apollo Server 5 accepts a custom executor through its gateway interface only; this is that.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  onFallback: (operationName: string | undefined, reason: string) => void = () => {},
): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compile = (document: DocumentNode, operationName: string | undefined) => {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName, { disableLeafSerialization: false });
      query = isCompiledQuery(result) ? result : null;
      if (!query) onFallback(operationName, JSON.stringify((result as ExecutionResult).errors ?? result));
      byOperation.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const query = compile(document, request.operationName);
    if (!query) {
      return execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: request.operationName,
      });
    }
    // Variables are coerced by graphql-js, as the rest of the pipeline does (graphql-jit refuses an
    // omitted non-null input field that has a default); the compiled query's own coercion leaves
    // coerced values as they are.
    let variables = request.variables ?? {};
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
      variables = coerced.coerced;
    }
    const result = await query.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors only look like GraphQLErrors (no `extensions` object when the thrown error
 * has none); Apollo and the error formatter expect the real class, with the thrown error kept as
 * `originalError`.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const real = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  Object.defineProperty(real, 'locations', { value: error.locations, enumerable: true });
  return real;
}
