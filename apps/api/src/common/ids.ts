import { badInput } from './errors';
import { parseGlobalId } from './global-id';

export { parseGlobalId, toGlobalId } from './global-id';

/** Decodes a global id that must name a record of `type`; a wrong or malformed id is BAD_USER_INPUT. */
export function fromGlobalId(type: string, globalId: string, field = 'id'): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(field, 'is not a valid id');
  if (parsed.type !== type) throw badInput(field, `is not the id of a ${type}`);
  return parsed.id;
}
