import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { stateOn } from './execution-state';

type ParamMetadata = NonNullable<
  ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']
>[number];
type Built = { self: unknown; values: unknown[] };

/**
 * type-graphql builds a field resolver's arguments anew for every parent row: each `@Arg`/`@Args`
 * is converted to its class and validated asynchronously (a promise per argument, then
 * Promise.all) — a thousand times for the assignments of the tasks of a page of plans. Yet a
 * field's arguments are the same for every row of one execution: they come from the document and
 * its variables only. So the arguments type-graphql built and validated for the first row are kept,
 * per execution (its variables object) and per field of the document, and the resolver method is
 * called directly with them for the other rows; the row, context and info are the row's own.
 *
 * Applies to field resolvers declared in resolver classes that take `@Info()` (the key) and no
 * middleware, roles or other parameter kinds — with arguments or without (then what is saved is
 * type-graphql's per-row parameter building and resolver lookup). Argument objects are shared
 * between the rows of one field, so resolvers must not change them (none does).
 */
export function reuseFieldArguments(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || meta.middlewares?.length || meta.roles?.length) continue;
    const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
    const info = params.find((p) => p.kind === 'info');
    if (!info) continue;
    if (!params.every(reusable)) continue;
    const objectType = meta.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === objectType)?.name;
    const field = typeName
      ? (schema.getType(typeName) as GraphQLObjectType | undefined)?.getFields()[meta.schemaName]
      : undefined;
    const prototype = meta.target.prototype as Record<string, (...values: unknown[]) => unknown>;
    const method = prototype[meta.methodName];
    if (!field?.resolve || typeof method !== 'function') continue;

    // Per execution and field node: the arguments of the first row, once type-graphql has built and
    // validated them. The first row's call is still on its way when the other rows of the page
    // arrive (type-graphql validates asynchronously), so they wait for it.
    prototype[meta.methodName] = function (this: unknown, ...values: unknown[]) {
      const { variableValues, fieldNodes } = values[info.index] as GraphQLResolveInfo;
      const entry = entriesOf(variableValues, method, false)?.get(fieldNodes[0]);
      if (entry && !entry.built) {
        entry.built = { self: this, values };
        entry.deliver(entry.built);
      }
      return method.apply(this, values);
    };
    const original = field.resolve;
    const call = (
      known: Built,
      root: unknown,
      args: unknown,
      context: unknown,
      resolveInfo: GraphQLResolveInfo,
    ) => {
      const values = known.values.slice();
      for (const p of params) {
        if (p.kind === 'root') values[p.index] = root;
        else if (p.kind === 'context') values[p.index] = context;
        else if (p.kind === 'info') values[p.index] = resolveInfo;
        else if (p.kind === 'custom')
          values[p.index] = p.resolver({
            root,
            args: args as Record<string, unknown>,
            context,
            info: resolveInfo,
          });
      }
      return method.apply(known.self, values);
    };
    field.resolve = (root, args, context, resolveInfo) => {
      const { variableValues, fieldNodes } = resolveInfo;
      const entries = entriesOf(variableValues, method, true);
      if (!entries) return original(root, args, context, resolveInfo);
      const known = entries.get(fieldNodes[0]);
      if (known) {
        if (known.built) return call(known.built, root, args, context, resolveInfo);
        return known.pending.then((k) => call(k, root, args, context, resolveInfo));
      }
      let deliver!: (value: Built) => void;
      let refuse!: (error: unknown) => void;
      const pending = new Promise<Built>((resolve, reject) => {
        deliver = resolve;
        refuse = reject;
      });
      // Nobody may wait for it; a refusal is then reported by the first row alone.
      pending.catch(() => {});
      entries.set(fieldNodes[0], { pending, deliver });
      try {
        const result = original(root, args, context, resolveInfo);
        // Arguments refused by validation never reach the method: the other rows get the same error.
        Promise.resolve(result).catch(refuse);
        return result;
      } catch (error) {
        refuse(error);
        throw error;
      }
    };
  }
}

type Entry = { pending: Promise<Built>; deliver: (value: Built) => void; built?: Built };

const ENTRIES = Symbol('concord.fieldArguments');

/** One execution's entries of one resolver method, by field node, kept on its variables object. */
function entriesOf(variables: object, method: Function, create: boolean): Map<FieldNode, Entry> | undefined {
  const byMethod = stateOn(
    variables,
    ENTRIES,
    create ? () => new Map<Function, Map<FieldNode, Entry>>() : undefined,
  );
  let entries = byMethod?.get(method);
  if (!entries && byMethod && create) {
    entries = new Map();
    byMethod.set(method, entries);
  }
  return entries;
}

/** Parameter kinds whose value the fast path can give itself (or, for arguments, keep). */
function reusable(p: ParamMetadata): boolean {
  switch (p.kind) {
    case 'arg':
    case 'args':
    case 'info':
      return true;
    case 'context':
      return p.propertyName === undefined;
    case 'root':
      return p.propertyName === undefined && p.getType === undefined;
    case 'custom':
      return p.options.arg === undefined;
    default:
      return false;
  }
}
