import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  assignToPartner,
  createPlan,
  createTask,
  makeTeam,
  type Person,
  type Team,
} from '../../../test/factories-history';

let api: TestApi;
let team: Team;

beforeAll(async () => {
  api = await startTestApi();
  team = await makeTeam(api);
});
afterAll(() => api?.close());

const UPDATE_PLAN = `mutation($input: UpdateResponsePlanInput!) {
  updateResponsePlan(input: $input) { responsePlan { id version title summary status } }
}`;

/** One kind of shared record: how to make it, edit its title, and read it back. */
type Shared = {
  type: string;
  make(plan: { gid: string }): Promise<string>;
  update: string;
  read: string;
};

const shared: Shared[] = [
  {
    type: 'ResponsePlan',
    make: async (plan) => plan.gid,
    update: `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { responsePlan { id version } } }`,
    read: `query($id: ID!) { node(id: $id) { ... on ResponsePlan { title summary version } } }`,
  },
  {
    type: 'Phase',
    make: async (plan) =>
      ok(
        await api.gql(
          `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { phase { id } } }`,
          { input: { planId: plan.gid, kind: 'PREVENTION', title: 'Early warning' } },
          team.ann.headers,
        ),
      ).createPhase.phase.id,
    update: `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { phase { id version } } }`,
    read: `query($id: ID!) { node(id: $id) { ... on Phase { title position version } } }`,
  },
  {
    type: 'Objective',
    make: async (plan) =>
      ok(
        await api.gql(
          `mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { id } } }`,
          { input: { planId: plan.gid, title: 'Civilians are safe at night', description: 'Night patrols' } },
          team.ann.headers,
        ),
      ).createObjective.objective.id,
    update: `mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { objective { id version } } }`,
    read: `query($id: ID!) { node(id: $id) { ... on Objective { title description version } } }`,
  },
  {
    type: 'Task',
    make: async (plan) => (await createTask(api, plan.gid, team.ann, { description: 'Twice a night' })).gid,
    update: `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id version } } }`,
    read: `query($id: ID!) { node(id: $id) { ... on Task { title description version } } }`,
  },
];

const edit = (s: Shared, id: string, expectedVersion: number, title: string, by: Person) =>
  api.gql(s.update, { input: { id, expectedVersion, title } }, by.headers);

describe('optimistic concurrency on shared plan records', () => {
  it.each(shared.map((s) => [s.type, s] as const))(
    '%s: of two editors on the same version the second gets CONFLICT with the current values and who changed it; the first edit survives',
    async (_type, s) => {
      const plan = await createPlan(api, team, team.ann);
      const id = await s.make(plan);
      const before = ok(await api.gql(s.read, { id }, team.ann.headers)).node;

      ok(await edit(s, id, before.version, 'Ann’s title', team.ann));
      const second = await edit(s, id, before.version, 'Ben’s title', team.ben);

      expect(errorCode(second)).toBe('CONFLICT');
      const details = second.errors?.[0].extensions ?? {};
      expect(details.currentVersion).toBe(before.version + 1);
      expect(details.current).toMatchObject({ title: 'Ann’s title', version: before.version + 1 });
      expect(details.lastChange).toMatchObject({
        kind: 'UPDATE',
        userId: team.ann.userGid,
        userDisplayName: team.ann.displayName,
        actorId: team.orgs.lead.gid,
        fields: ['title'],
      });
      expect(Date.parse(String((details.lastChange as { at: string }).at))).toBeGreaterThan(
        Date.now() - 60_000,
      );

      const after = ok(await api.gql(s.read, { id }, team.ann.headers)).node;
      expect(after).toEqual({ ...before, title: 'Ann’s title', version: before.version + 1 });
    },
  );

  it('changes only the fields sent and answers with the new version', async () => {
    const plan = await createPlan(api, team, team.ann, { summary: 'Keep the site safe' });
    const res = ok(
      await api.gql(
        UPDATE_PLAN,
        { input: { id: plan.gid, expectedVersion: plan.version, status: 'ACTIVE' } },
        team.ben.headers,
      ),
    );
    expect(res.updateResponsePlan.responsePlan).toEqual({
      id: plan.gid,
      version: plan.version + 1,
      title: 'Protection of civilians in Malakal',
      summary: 'Keep the site safe',
      status: 'ACTIVE',
    });
  });

  it('lets exactly one of 20 concurrent writers on the same version win, raising the version by one', async () => {
    const plan = await createPlan(api, team, team.ann);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(
          UPDATE_PLAN,
          { input: { id: plan.gid, expectedVersion: plan.version, title: `Writer ${i}` } },
          (i % 2 ? team.ann : team.ben).headers,
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(19);

    const [row] = await api.db.query<{ title: string; version: number }>(
      'SELECT title, version FROM response_plan WHERE id = $1',
      [plan.id],
    );
    expect(row).toEqual({
      title: winners[0].data.updateResponsePlan.responsePlan.title,
      version: plan.version + 1,
    });
    const [{ n }] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM revision WHERE entity_id = $1 AND kind = 'UPDATE'`,
      [plan.id],
    );
    expect(n).toBe(1);
  });

  it('of 10 concurrent accepts of one assignment exactly one succeeds, and only it is in the history', async () => {
    const plan = await createPlan(api, team, team.ann);
    const task = await createTask(api, plan.gid, team.ann);
    const assignment = await assignToPartner(api, team, task.gid, team.ann);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql(
          `mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { status version } } }`,
          { input: { assignmentId: assignment.id, response: 'ACCEPT' } },
          team.partner.headers,
        ),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    // Every other answer is refused as a conflict (the codes are listed so that a surprise shows).
    expect(results.filter((r) => r.errors).map((r) => `${errorCode(r)}: ${r.errors![0].message}`)).toEqual(
      Array(9).fill(expect.stringMatching(/^CONFLICT: /)),
    );
    const answers = await api.db.query<{ userId: string }>(
      `SELECT user_id AS "userId" FROM revision WHERE entity_type = 'TaskAssignment' AND kind = 'UPDATE' AND plan_id = $1`,
      [plan.id],
    );
    expect(answers).toEqual([{ userId: team.partner.userId }]);
  });

  it('tells a stale withdrawal who answered the assignment in the meantime', async () => {
    const plan = await createPlan(api, team, team.ann);
    const task = await createTask(api, plan.gid, team.ann);
    const assignment = await assignToPartner(api, team, task.gid, team.ann);
    ok(
      await api.gql(
        `mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id } } }`,
        {
          input: {
            assignmentId: assignment.id,
            response: 'COUNTER_PROPOSE',
            reason: 'Not before May',
            proposedDueOn: '2031-05-01',
          },
        },
        team.partner.headers,
      ),
    );
    const stale = await api.gql(
      `mutation($input: WithdrawAssignmentInput!) { withdrawAssignment(input: $input) { assignment { id } } }`,
      { input: { assignmentId: assignment.id, expectedVersion: assignment.version } },
      team.ben.headers,
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions).toMatchObject({
      currentVersion: assignment.version + 1,
      current: { status: 'COUNTER_PROPOSED', reason: 'Not before May' },
      lastChange: {
        userId: team.partner.userGid,
        userDisplayName: team.partner.displayName,
        actorId: team.orgs.assignee.gid,
      },
    });
  });
});
