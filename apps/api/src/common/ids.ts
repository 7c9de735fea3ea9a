import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Bytes of `Type:uuid` are written here and encoded from here: a page answers thousands of ids, and
 * a Buffer made for each (with the joined string) cost twice the time and most of the garbage.
 * 512 bytes hold the UTF-8 of 64 + 1 + 64 UTF-16 units (at most 3 bytes each).
 */
const scratch = Buffer.allocUnsafe(512);

/** Opaque global id: base64url of `Type:uuid` (UTF-8). Clients must not parse it. */
export function toGlobalId(type: string, id: string): string {
  if (type.length > 64 || id.length > 64) return Buffer.from(`${type}:${id}`).toString('base64url');
  const colon = scratch.write(type, 0, 'utf8');
  scratch[colon] = 0x3a;
  return scratch.toString('base64url', 0, colon + 1 + scratch.write(id, colon + 1, 'utf8'));
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
