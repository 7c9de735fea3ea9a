import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque global id: base64url of `Type:uuid`. Clients must not parse it. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** Decodes a global id of any type, or null when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 100) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const id = text.slice(colon + 1);
  if (!UUID.test(id)) return null;
  return { type: text.slice(0, colon), id };
}

/** Decodes a global id that must name a record of `type`; a wrong or malformed id is BAD_USER_INPUT. */
export function fromGlobalId(type: string, globalId: string, field = 'id'): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(field, 'is not a valid id');
  if (parsed.type !== type) throw badInput(field, `is not the id of a ${type}`);
  return parsed.id;
}
