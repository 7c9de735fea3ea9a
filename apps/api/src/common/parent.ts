import { createParameterDecorator } from 'type-graphql';

/**
 * The object a field resolver resolves a field of, exactly as its loader returned it.
 * type-graphql's Root decorator converts it to the parameter's class when the parameter has one:
 * a new entity instance and a copy of every column, for every row and every resolved field. Rows
 * here are plain objects, read only, so they are handed over as they are.
 */
export function Parent(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator(({ root }) => root);
}
