import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId } from './ids';

describe('global ids', () => {
  it('are base64url of Type:uuid, read back to the same type and id', () => {
    for (const type of ['Task', 'TaskAssignment', 'ResponsePlan', 'A']) {
      for (let i = 0; i < 50; i++) {
        const id = randomUUID();
        const gid = toGlobalId(type, id);
        expect(gid).toBe(Buffer.from(`${type}:${id}`, 'utf8').toString('base64url'));
        expect(parseGlobalId(gid)).toEqual({ type, id });
      }
    }
  });

  it('encode any other id as UTF-8', () => {
    for (const id of ['short', 'é'.repeat(36), '🙂'.repeat(18), 'x'.repeat(200)]) {
      expect(Buffer.from(toGlobalId('Task', id), 'base64url').toString('utf8')).toBe(`Task:${id}`);
    }
  });
});
