/*
 * Global ids, encoded and decoded. No imports: the benchmark's hand-written SQL server runs this file
 * as it is (Node's type stripping) to answer the same ids.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The types whose ids are written compactly, by number. Append only: a number, once given, names its
 * type for as long as ids given out with it may come back.
 */
const COMPACT_TYPES = [
  'Actor',
  'Alert',
  'AlertRule',
  'ApiToken',
  'AuditEvent',
  'CapabilityPledge',
  'ImportJob',
  'Mandate',
  'MandatedTask',
  'Notification',
  'Objective',
  'Observation',
  'Partnership',
  'Phase',
  'PlanParticipant',
  'ResponsePlan',
  'Revision',
  'RiskAssessment',
  'RiskFactor',
  'RiskFactorScore',
  'RiskIndicator',
  'Situation',
  'Task',
  'TaskAssignment',
  'User',
  'WebhookDelivery',
  'WebhookSubscription',
  'Membership',
] as const;
const codeOf = new Map<string, number>(COMPACT_TYPES.map((type, code) => [type, code]));

/** A compact id: its type's number and the uuid's 16 bytes, 23 characters of base64url. */
const COMPACT_BYTES = 17;
const COMPACT_LENGTH = 23;

/** Hex digit → value (lowercase only, as PostgreSQL writes uuids), −1 for anything else. */
const HEX_DIGITS = '0123456789abcdef';
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX[HEX_DIGITS.charCodeAt(i)] = i;

/**
 * Ids are written here and encoded from here: a page answers thousands of ids, and a Buffer made for
 * each cost twice the time and most of the garbage. 512 bytes hold the UTF-8 of 64 + 1 + 64 UTF-16
 * units (at most 3 bytes each) of the text form.
 */
const scratch = Buffer.allocUnsafe(512);

/** Writes a canonical lowercase uuid's 16 bytes at scratch[1..16]; false when `id` is not one. */
function writeUuid(id: string): boolean {
  if (id.length !== 36) return false;
  let at = 1;
  for (let i = 0; i < 36; i += 2) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (id.charCodeAt(i) !== 0x2d) return false;
      i--;
      continue;
    }
    const hi = HEX[id.charCodeAt(i)] ?? -1;
    const lo = HEX[id.charCodeAt(i + 1)] ?? -1;
    if (hi < 0 || lo < 0) return false;
    scratch[at++] = (hi << 4) | lo;
  }
  return true;
}

function readUuid(bytes: Uint8Array): string {
  let out = '';
  for (let i = 1; i < COMPACT_BYTES; i++) {
    if (i === 5 || i === 7 || i === 9 || i === 11) out += '-';
    out += HEX_DIGITS[bytes[i] >> 4] + HEX_DIGITS[bytes[i] & 15];
  }
  return out;
}

/**
 * Opaque global id (clients must not parse it). A uuid of a known type is 23 characters: base64url
 * of the type's number and the uuid's bytes, a third of the text form's length — pages carry
 * thousands of ids. Any other id is base64url of `Type:id` (UTF-8), which is also still read.
 */
export function toGlobalId(type: string, id: string): string {
  const code = codeOf.get(type);
  if (code !== undefined && writeUuid(id)) {
    scratch[0] = code;
    return scratch.toString('base64url', 0, COMPACT_BYTES);
  }
  if (type.length > 64 || id.length > 64) return Buffer.from(`${type}:${id}`).toString('base64url');
  const colon = scratch.write(type, 0, 'utf8');
  scratch[colon] = 0x3a;
  return scratch.toString('base64url', 0, colon + 1 + scratch.write(id, colon + 1, 'utf8'));
}

/** Decodes a global id of any type, or null when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 100) return null;
  const bytes = Buffer.from(globalId, 'base64url');
  if (globalId.length === COMPACT_LENGTH) {
    const type = COMPACT_TYPES[bytes[0]];
    if (bytes.length !== COMPACT_BYTES || !type) return null;
    const id = readUuid(bytes);
    // base64url decoding skips stray characters and spare bits: only the one spelling is an id.
    return toGlobalId(type, id) === globalId ? { type, id } : null;
  }
  const text = bytes.toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const id = text.slice(colon + 1);
  if (!UUID.test(id)) return null;
  return { type: text.slice(0, colon), id };
}
