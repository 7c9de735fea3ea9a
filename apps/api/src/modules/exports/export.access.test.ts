import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { makeAlert } from '../../../test/factories-early-warning';
import { csvRows, getExport } from '../../../test/factories-exports';
import {
  type Audience,
  GROUPS,
  groupLabel,
  makeAudience,
  makePlanWorld,
  PLAN_KEYS,
  type PlanWorld,
  visibleTo,
} from '../../../test/factories-plans';
import { COLUMNS } from './assignments-csv';

let api: TestApi;
let audience: Audience;
let world: PlanWorld;
beforeAll(async () => {
  api = await startTestApi();
  audience = await makeAudience(api);
  world = await makePlanWorld(api.db, audience.orgs);
});
afterAll(() => api.close());

const idColumn = COLUMNS.findIndex((c) => c.hxl === '#meta+id');
/** The names (a1, a2, …) of the world's assignments in a CSV export. */
const assignmentNames = (text: string) => {
  const byGid = new Map(Object.entries(world.r).map(([name, made]) => [made.gid, name]));
  return csvRows(text)
    .slice(2)
    .map((row) => byGid.get(row[idColumn]))
    .filter((name): name is string => Boolean(name))
    .sort();
};

describe('exports answer each group as the GraphQL reads do', () => {
  it.each(GROUPS.map((group) => ({ group, label: groupLabel[group] })))(
    "the 3W CSV of plan P for $label holds exactly the assignments it reads; another organisation's plan is 404",
    async ({ group }) => {
      const res = await getExport(
        api,
        `/exports/assignments.csv?planId=${world.r.P.gid}`,
        audience.as[group],
      );
      const visible = visibleTo(world)[group];
      if (group === 'anonymous') {
        expect(res.status).toBe(401);
        expect(JSON.parse(res.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
        return;
      }
      if (!visible.includes('P')) {
        expect(res.status).toBe(404);
        expect(res.text).toBe(
          (
            await getExport(
              api,
              '/exports/assignments.csv?planId=UmVzcG9uc2VQbGFuOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA',
              audience.as[group],
            )
          ).text,
        );
        return;
      }
      expect(res.status).toBe(200);
      expect(assignmentNames(res.text)).toEqual(['a1', 'a2', 'a3'].filter((a) => visible.includes(a)));
    },
  );

  it('a partner exports only its own organisation’s assignments of plan P, whoever else works on it', async () => {
    const res = await getExport(api, `/exports/assignments.csv?planId=${world.r.P.gid}`, audience.as.partner);
    const orgColumn = COLUMNS.findIndex((c) => c.hxl === '#org+impl+name');
    const orgs = new Set(
      csvRows(res.text)
        .slice(2)
        .map((row) => row[orgColumn]),
    );
    const [{ name }] = await api.db.query<{ name: string }>('SELECT name FROM actor WHERE id = $1', [
      audience.orgs.assignee.id,
    ]);
    expect([...orgs]).toEqual([name]);
  });

  it.each(GROUPS.map((group) => ({ group, label: groupLabel[group] })))(
    'the IATI export of each plan for $label: 200 where it reads the plan, 404 where it does not',
    async ({ group }) => {
      const visible = visibleTo(world)[group];
      const statuses = await Promise.all(
        PLAN_KEYS.map(async (key) => [
          key,
          (await getExport(api, `/exports/plans/${world.r[key].gid}.iati.xml`, audience.as[group])).status,
        ]),
      );
      const expected = PLAN_KEYS.map((key) => [
        key,
        group === 'anonymous' ? 401 : visible.includes(key) ? 200 : 404,
      ]);
      expect(statuses).toEqual(expected);
    },
  );

  it('a partner reading plan P through its assignment sees only the lead and its own organisation as participants', async () => {
    await api.db.query(`UPDATE task_assignment SET status = 'ACCEPTED' WHERE id = ANY($1::uuid[])`, [
      [world.r.a1.id, world.r.a2.id],
    ]);
    const res = await getExport(api, `/exports/plans/${world.r.P.gid}.iati.xml`, audience.as.partner);
    const refs = [...res.text.matchAll(/<participating-org ref="CONCORD-ACTOR-([^"]+)"/g)]
      .map((m) => m[1])
      .sort();
    expect(refs).toEqual([audience.orgs.lead.id, audience.orgs.assignee.id].sort());
    expect(res.text).not.toContain('<description type="2">');
    const member = await getExport(api, `/exports/plans/${world.r.P.gid}.iati.xml`, audience.as.leadLiaison);
    expect(member.text).toContain(`CONCORD-ACTOR-${audience.orgs.contributor.id}`);
    expect(member.text).toContain(`CONCORD-ACTOR-${audience.orgs.other.id}`);
  });

  it.each([
    { state: 'DRAFT', scope: 'RESTRICTED', readers: ['leadLiaison', 'admin'] },
    {
      state: 'ISSUED',
      scope: 'RESTRICTED',
      readers: ['viewer', 'leadLiaison', 'contributorLiaison', 'admin', 'readToken'],
    },
    { state: 'ISSUED', scope: 'PUBLIC', readers: GROUPS.filter((g) => g !== 'anonymous') },
  ] as const)(
    'a $state $scope alert of the lead org, to the contributor, is exported as CAP to its readers only',
    async ({ state, scope, readers }) => {
      const alert = await makeAlert(api.db, {
        situationId: world.situation.id,
        senderActorId: audience.orgs.lead.id,
        state,
        scope,
        recipients: [{ actorId: audience.orgs.contributor.id }],
      });
      for (const group of GROUPS) {
        const res = await getExport(api, `/exports/alerts/${alert.gid}.xml`, audience.as[group]);
        const expected =
          group === 'anonymous' ? 401 : (readers as readonly string[]).includes(group) ? 200 : 404;
        expect([group, res.status]).toEqual([group, expected]);
      }
    },
  );

  it('an export is audited with the viewer who made it', async () => {
    const person = audience.as.leadLiaison;
    await getExport(api, `/exports/plans/${world.r.Pc.gid}.iati.xml`, person);
    const rows = await api.db.query<{ action: string; userId: string | null; tokenId: string | null }>(
      `SELECT action, user_id AS "userId", token_id AS "tokenId" FROM audit_event WHERE entity_id = $1 AND action LIKE 'export.%'`,
      [world.r.Pc.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.userId !== null || r.tokenId !== null)).toBe(true);
  });
});
