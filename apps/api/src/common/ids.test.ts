import { randomUUID } from 'node:crypto';
import { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema';
import { fromGlobalId, parseGlobalId, toGlobalId } from './ids';

const textForm = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

describe('global ids', () => {
  it('of a known type and a uuid are 23 characters: the type number and the uuid bytes, read back', () => {
    for (const type of ['Task', 'TaskAssignment', 'ResponsePlan', 'Actor', 'WebhookSubscription']) {
      for (let i = 0; i < 50; i++) {
        const id = randomUUID();
        const gid = toGlobalId(type, id);
        expect(gid).toMatch(/^[A-Za-z0-9_-]{23}$/);
        expect(Buffer.from(gid, 'base64url').subarray(1).toString('hex')).toBe(id.replaceAll('-', ''));
        expect(parseGlobalId(gid)).toEqual({ type, id });
      }
    }
    const id = '00000000-0000-4000-8000-000000000001';
    expect(toGlobalId('Task', id)).not.toBe(toGlobalId('ResponsePlan', id));
    expect(() => fromGlobalId('ResponsePlan', toGlobalId('Task', id))).toThrow(
      /not the id of a ResponsePlan/,
    );
  });

  it('keep the text form, base64url of Type:id, for other types and ids, and read it back', () => {
    const id = randomUUID();
    expect(toGlobalId('Unlisted', id)).toBe(textForm('Unlisted', id));
    expect(parseGlobalId(textForm('Unlisted', id))).toEqual({ type: 'Unlisted', id });
    // Uppercase is not how the database writes uuids: kept as it is, not folded.
    expect(toGlobalId('Task', id.toUpperCase())).toBe(textForm('Task', id.toUpperCase()));
    for (const other of ['short', 'é'.repeat(36), '🙂'.repeat(18), 'x'.repeat(200), `${id.slice(0, 35)}g`]) {
      expect(Buffer.from(toGlobalId('Task', other), 'base64url').toString('utf8')).toBe(`Task:${other}`);
    }
  });

  it('still read ids given out in the text form before', () => {
    const id = randomUUID();
    expect(parseGlobalId(textForm('Task', id))).toEqual({ type: 'Task', id });
    expect(fromGlobalId('Task', textForm('Task', id))).toBe(id);
  });

  it('refuse every other spelling of a compact id: stray characters, spare bits, unknown numbers', () => {
    const id = randomUUID();
    const gid = toGlobalId('Task', id);
    // The 23rd character carries 2 spare bits: setting one spells the same bytes differently.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = `${gid.slice(0, 22)}${alphabet[alphabet.indexOf(gid.at(-1)!) + 1]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(gid, 'base64url'))).toBe(true);
    expect(parseGlobalId(twin)).toBeNull();
    expect(parseGlobalId(`${gid.slice(0, 22)}=`)).toBeNull();
    expect(parseGlobalId(`${gid.slice(0, 11)}.${gid.slice(12)}`)).toBeNull();
    const unknown = Buffer.from(gid, 'base64url');
    unknown[0] = 250;
    expect(parseGlobalId(unknown.toString('base64url'))).toBeNull();
    expect(() => fromGlobalId('Task', 'garbage')).toThrow(/not a valid id/);
  });

  it('have a type number for every Node type of the schema (a new type needs one appended)', async () => {
    const schema = await createSchema();
    const nodeTypes = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType =>
        type instanceof GraphQLObjectType && type.getInterfaces().some((i) => i.name === 'Node'),
    );
    expect(nodeTypes.length).toBeGreaterThan(20);
    const id = randomUUID();
    const long = nodeTypes.map((type) => type.name).filter((name) => toGlobalId(name, id).length !== 23);
    expect(long).toEqual([]);
  });
});
