import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeMandate, makeMandatedTask, makePartnership } from '../../../test/factories-graph';
import { GROUPS, type Group, makeAccessWorld } from '../../../test/factories-situations';

/** Partnerships and mandates are the public registry: read by anyone, written by administrators. */
let api: TestApi;
let world: Awaited<ReturnType<typeof makeAccessWorld>>;
let ids: { council: string; mission: string; partnership: string; mandate: string; task: string };

beforeAll(async () => {
  api = await startTestApi();
  world = await makeAccessWorld(api);
  const council = await makeActor(api.db, { kind: 'UN_PRINCIPAL_ORGAN' });
  const mission = await makeActor(api.db, { kind: 'UN_PEACE_OPERATION' });
  const partnership = await makePartnership(api.db, {
    sourceId: council.id,
    targetId: mission.id,
    kind: 'AUTHORIZES',
  });
  const mandate = await makeMandate(api.db, { authorizingActorId: council.id, missionActorId: mission.id });
  const task = await makeMandatedTask(api.db, { mandateId: mandate.id });
  ids = {
    council: council.gid,
    mission: mission.gid,
    partnership: partnership.gid,
    mandate: mandate.gid,
    task: task.gid,
  };
});
afterAll(() => api?.close());

const READ = `query($council: ID!, $mission: ID!, $mandate: ID!, $nodes: [ID!]!) {
  partnerships(first: 5, filter: { actorId: $council }) { totalCount edges { node { id } } }
  mandates(first: 5, filter: { missionActorId: $mission }) { totalCount edges { node { id } } }
  mandate(id: $mandate) { mandatedTasks(first: 5) { totalCount edges { node { id } } } }
  actor(id: $mission) {
    partners(first: 5) { totalCount edges { partnership { id } } }
    mandates(first: 5) { totalCount edges { node { id } } }
  }
  nodes(ids: $nodes) { id }
}`;

describe('the public registry', () => {
  it.each(GROUPS)('answers %s every read path of partnerships and mandates', async (group) => {
    const data = ok(
      await api.gql(
        READ,
        {
          council: ids.council,
          mission: ids.mission,
          mandate: ids.mandate,
          nodes: [ids.partnership, ids.mandate, ids.task],
        },
        world.as[group],
      ),
    );
    const one = (id: string) => ({ totalCount: 1, edges: [{ node: { id } }] });
    expect(data).toEqual({
      partnerships: one(ids.partnership),
      mandates: one(ids.mandate),
      mandate: { mandatedTasks: one(ids.task) },
      actor: {
        partners: { totalCount: 1, edges: [{ partnership: { id: ids.partnership } }] },
        mandates: one(ids.mandate),
      },
      nodes: [{ id: ids.partnership }, { id: ids.mandate }, { id: ids.task }],
    });
  });

  const WRITES = [
    [
      'createPartnership',
      `mutation($i: CreatePartnershipInput!) { createPartnership(input: $i) { partnership { id } } }`,
      () => ({ sourceId: ids.mission, targetId: ids.council, kind: 'REPORTS_TO' }),
    ],
    [
      'updatePartnership',
      `mutation($i: UpdatePartnershipInput!) { updatePartnership(input: $i) { partnership { id } } }`,
      () => ({ id: ids.partnership, expectedVersion: 1, notes: 'x' }),
    ],
    [
      'createMandate',
      `mutation($i: CreateMandateInput!) { createMandate(input: $i) { mandate { id } } }`,
      () => ({
        symbol: `S/RES/${Math.random()}`,
        title: 'Renewal',
        authorizingActorId: ids.council,
        missionActorId: ids.mission,
        adoptedOn: '2016-12-16',
      }),
    ],
    [
      'updateMandate',
      `mutation($i: UpdateMandateInput!) { updateMandate(input: $i) { mandate { id } } }`,
      () => ({ id: ids.mandate, expectedVersion: 1, troopCeiling: 1 }),
    ],
    [
      'createMandatedTask',
      `mutation($i: CreateMandatedTaskInput!) { createMandatedTask(input: $i) { mandatedTask { id } } }`,
      () => ({
        mandateId: ids.mandate,
        paragraphRef: 'OP 9',
        kind: 'SSR',
        description: 'Security sector reform',
      }),
    ],
    [
      'updateMandatedTask',
      `mutation($i: UpdateMandatedTaskInput!) { updateMandatedTask(input: $i) { mandatedTask { id } } }`,
      () => ({ id: ids.task, expectedVersion: 1, priority: 1 }),
    ],
  ] as const;
  const REFUSED: readonly (readonly [Group, string])[] = [
    ['anonymous', 'UNAUTHENTICATED'],
    ['viewer', 'FORBIDDEN'],
    ['partnerAssigned', 'FORBIDDEN'],
    ['liaisonLead', 'FORBIDDEN'],
    ['tokenReadGraph', 'FORBIDDEN'],
    ['tokenWriteAssignments', 'FORBIDDEN'],
  ];

  it.each(REFUSED)('refuses every registry write to %s (%s) and changes nothing', async (group, code) => {
    const counts = async () =>
      (
        await api.db.query(
          `SELECT (SELECT count(*)::int FROM partnership) AS p, (SELECT count(*)::int FROM mandate) AS m,
             (SELECT count(*)::int FROM mandated_task) AS t,
             (SELECT sum(version)::int FROM (SELECT version FROM partnership UNION ALL SELECT version FROM mandate
               UNION ALL SELECT version FROM mandated_task) v) AS versions`,
        )
      )[0];
    const before = await counts();
    for (const [name, mutation, input] of WRITES) {
      expect([name, errorCode(await api.gql(mutation, { i: input() }, world.as[group]))]).toEqual([
        name,
        code,
      ]);
    }
    expect(await counts()).toEqual(before);
  });
});
