/**
 * State of one execution kept on one of the execution's own objects (its coerced variables, which
 * graphql-jit and graphql-js build anew for each execution; a field's arguments), under a symbol,
 * so that it lives and dies with the execution. Not in a module-level WeakMap keyed by that object:
 * V8's young-generation collector keeps a WeakMap entry's value alive while its key is young, and
 * when the value leads back to its key, every execution's objects were promoted to the old
 * generation and freed only by the next full collection (test/young-generation.test.ts).
 *
 * Without `make`, only reads. Undefined when the object holds none and cannot take one (frozen).
 */
export function stateOn<T>(holder: object, key: symbol, make?: () => T): T | undefined {
  let value = (holder as Record<symbol, T | undefined>)[key];
  if (value === undefined && make && Object.isExtensible(holder)) {
    value = make();
    Object.defineProperty(holder, key, { value });
  }
  return value;
}
