import { createHash } from 'node:crypto';

/**
 * Namespace of every demo-data id. Fixed forever: changing it would make a re-seed insert a second
 * copy of everything next to the rows an earlier start created.
 */
const NAMESPACE = 'b5f0c2a4-6d1e-4c7a-9f3b-2e8d5a1c0f47';

const namespaceBytes = Buffer.from(NAMESPACE.replaceAll('-', ''), 'hex');

/** RFC 9562 UUID version 5 (SHA-1) of `key`, e.g. seedId('actor:UNMISS'). Same key, same id, on every database. */
export function seedId(key: string): string {
  const hash = createHash('sha1').update(namespaceBytes).update(key, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
