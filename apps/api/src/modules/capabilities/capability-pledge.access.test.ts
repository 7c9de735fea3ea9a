import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import type { Made } from '../../../test/factories';
import { makePledge } from '../../../test/factories-graph';
import { GROUPS, type Group, makeAccessWorld } from '../../../test/factories-situations';

let api: TestApi;
let world: Awaited<ReturnType<typeof makeAccessWorld>>;
let pledge: Made;

beforeAll(async () => {
  api = await startTestApi();
  world = await makeAccessWorld(api);
  pledge = await makePledge(api.db, { actorId: world.org.lead.id, capability: 'MEDIATORS', quantity: 3 });
});
afterAll(() => api?.close());

/** Pledges are read by signed-in readers of the graph; the registry they hang on stays public. */
const READS_PLEDGES: Record<Group, boolean> = {
  anonymous: false,
  viewer: true,
  partnerAssigned: true,
  partnerUnrelated: true,
  liaisonLead: true,
  liaisonContributor: true,
  liaisonUnrelated: true,
  admin: true,
  tokenReadGraph: true,
  tokenReadAssessments: true,
  tokenWriteAssignments: false,
};

describe('reading pledges', () => {
  it.each(GROUPS)(
    'shows %s the pledges on the public actor and through node() only when it reads the graph',
    async (group) => {
      const res = ok(
        await api.gql(
          `query($actor: ID!, $pledge: ID!) {
          actor(id: $actor) { id capabilityPledges { id quantity } }
          node(id: $pledge) { ... on CapabilityPledge { id } }
        }`,
          { actor: world.org.lead.gid, pledge: pledge.gid },
          world.as[group],
        ),
      );
      const reads = READS_PLEDGES[group];
      expect(res.actor).toEqual({
        id: world.org.lead.gid,
        capabilityPledges: reads ? [{ id: pledge.gid, quantity: 3 }] : [],
      });
      expect(res.node).toEqual(reads ? { id: pledge.gid } : null);
    },
  );
});

const PLEDGE = `mutation($input: PledgeCapabilityInput!) { pledgeCapability(input: $input) { capabilityPledge { id } } }`;
const UPDATE = `mutation($input: UpdateCapabilityPledgeInput!) { updateCapabilityPledge(input: $input) { capabilityPledge { version } } }`;

const pledgesOf = async (actorId: string) =>
  (
    await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM capability_pledge WHERE actor_id = $1',
      [actorId],
    )
  )[0].n;

describe('writing pledges', () => {
  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['viewer', 'FORBIDDEN'],
    ['partnerAssigned', 'FORBIDDEN'],
    ['partnerUnrelated', 'FORBIDDEN'],
    ['liaisonLead', 'OK'],
    ['liaisonContributor', 'FORBIDDEN'],
    ['liaisonUnrelated', 'FORBIDDEN'],
    ['admin', 'OK'],
    ['tokenReadGraph', 'FORBIDDEN'],
    ['tokenWriteAssignments', 'FORBIDDEN'],
  ] as const)("pledges and changes the lead organisation's pledges as %s: %s", async (group, outcome) => {
    const existing = await makePledge(api.db, { actorId: world.org.lead.id, quantity: 5 });
    const before = await pledgesOf(world.org.lead.id);
    const input = {
      actorId: world.org.lead.gid,
      capability: 'HELICOPTER_UNIT',
      quantity: 2,
      readinessDays: 30,
    };
    const created = await api.gql(PLEDGE, { input }, world.as[group]);
    const updated = await api.gql(
      UPDATE,
      { input: { id: existing.gid, expectedVersion: 1, quantity: 1 } },
      world.as[group],
    );
    const [row] = await api.db.query('SELECT quantity, version FROM capability_pledge WHERE id = $1', [
      existing.id,
    ]);
    if (outcome === 'OK') {
      ok(created);
      expect(ok(updated).updateCapabilityPledge.capabilityPledge.version).toBe(2);
      expect(await pledgesOf(world.org.lead.id)).toBe(before + 1);
      expect(row).toEqual({ quantity: 1, version: 2 });
    } else {
      expect([errorCode(created), errorCode(updated)]).toEqual([outcome, outcome]);
      expect(await pledgesOf(world.org.lead.id)).toBe(before);
      expect(row).toEqual({ quantity: 5, version: 1 });
    }
  });
});
