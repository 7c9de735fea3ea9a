import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { countStatements } from '../../../test/factories-graph';
import {
  assignToPartner,
  createPlan,
  createTask,
  makeTeam,
  type Person,
  type Team,
} from '../../../test/factories-history';
import { makeSituation } from '../../../test/factories-plans';
import { riskFactorGid } from '../../../test/factories-situations';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
let team: Team;

beforeAll(async () => {
  api = await startTestApi();
  team = await makeTeam(api);
});
afterAll(() => api?.close());

const HISTORY = `query($id: ID!, $first: Int, $after: String, $filter: RevisionFilter) {
  responsePlan(id: $id) {
    history(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id entityType entityId kind fields position occurredAt user { id displayName } actor { id } plan { id } } }
    }
  }
}`;
const UPDATE_PLAN = `mutation($input: UpdateResponsePlanInput!) {
  updateResponsePlan(input: $input) { responsePlan { id version title status } }
}`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id version status title } } }`;
const RESPOND = `mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id status } } }`;
const RESTORE = `mutation($input: RestoreRevisionFieldInput!) {
  restoreRevisionField(input: $input) {
    record { id ... on ResponsePlan { title version } ... on Task { title status version } ... on Objective { riskFactors { number } version } }
    revision { id kind fields user { id } }
  }
}`;
const AS_OF = `query($id: ID!, $revisionId: ID!) {
  responsePlanAsOf(id: $id, revisionId: $revisionId) {
    planId title status version asOf { id }
    tasks { taskId title status priority version }
  }
}`;

type Revision = {
  id: string;
  entityType: string;
  entityId: string;
  kind: string;
  fields: Record<string, { before: unknown; after: unknown }>;
  position: string;
  user: { id: string; displayName: string } | null;
  actor: { id: string } | null;
};

async function history(planGid: string, as: Person = team.ann, variables: Record<string, unknown> = {}) {
  const res = ok(await api.gql(HISTORY, { id: planGid, first: 100, ...variables }, as.headers));
  return res.responsePlan.history as {
    totalCount: number;
    edges: { node: Revision }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

const revisionsOf = async (planGid: string, as?: Person) =>
  (await history(planGid, as)).edges.map((e) => e.node);

async function updatePlan(
  planGid: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
  by: Person,
) {
  return ok(await api.gql(UPDATE_PLAN, { input: { id: planGid, expectedVersion, ...patch } }, by.headers))
    .updateResponsePlan.responsePlan as { version: number };
}

describe('plan history', () => {
  it('lists every change with its author, newest first: create plan, edit title, add task, assign, answer', async () => {
    const plan = await createPlan(api, team, team.ann);
    await updatePlan(plan.gid, plan.version, { title: 'Malakal: night patrols' }, team.carla);
    const task = await createTask(api, plan.gid, team.ben);
    const assignment = await assignToPartner(api, team, task.gid, team.ann);
    ok(
      await api.gql(
        RESPOND,
        { input: { assignmentId: assignment.id, response: 'ACCEPT' } },
        team.partner.headers,
      ),
    );

    const revisions = await revisionsOf(plan.gid);
    const story = revisions.map((r) => [r.entityType, r.kind, r.user?.displayName, r.actor?.id]).reverse();
    expect(story).toEqual([
      ['ResponsePlan', 'CREATE', team.ann.displayName, team.orgs.lead.gid],
      ['PlanParticipant', 'CREATE', team.ann.displayName, team.orgs.lead.gid],
      ['PlanParticipant', 'CREATE', team.ann.displayName, team.orgs.lead.gid],
      ['ResponsePlan', 'UPDATE', team.carla.displayName, team.orgs.contributor.gid],
      ['Task', 'CREATE', team.ben.displayName, team.orgs.lead.gid],
      ['TaskAssignment', 'CREATE', team.ann.displayName, team.orgs.lead.gid],
      // Accepting the LEAD agrees the task itself: one answer, two records changed.
      ['TaskAssignment', 'UPDATE', team.partner.displayName, team.orgs.assignee.gid],
      ['Task', 'UPDATE', team.partner.displayName, team.orgs.assignee.gid],
    ]);
    const positions = revisions.map((r) => BigInt(r.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

    const titleEdit = revisions.find((r) => r.entityType === 'ResponsePlan' && r.kind === 'UPDATE');
    expect(titleEdit).toMatchObject({
      entityId: plan.gid,
      fields: { title: { before: 'Protection of civilians in Malakal', after: 'Malakal: night patrols' } },
    });
    const answer = revisions.find((r) => r.entityType === 'TaskAssignment' && r.kind === 'UPDATE');
    expect(answer?.entityId).toBe(assignment.id);
    expect(answer?.fields.status).toEqual({ before: 'PROPOSED', after: 'ACCEPTED' });
    const created = revisions.find((r) => r.entityType === 'Task' && r.kind === 'CREATE');
    expect(created?.fields).toMatchObject({
      title: { before: null, after: 'Patrol the protection site' },
      planId: { before: null, after: plan.gid },
    });
  });

  it('filters by kind of record and by author, and pages with a stable total', async () => {
    const plan = await createPlan(api, team, team.ann);
    const v2 = await updatePlan(plan.gid, plan.version, { status: 'ACTIVE' }, team.ben);
    await updatePlan(plan.gid, v2.version, { summary: 'Night patrols' }, team.ann);
    await createTask(api, plan.gid, team.ben);

    const byBen = await history(plan.gid, team.ann, { filter: { userId: team.ben.userGid } });
    expect(byBen.totalCount).toBe(2);
    expect(byBen.edges.map((e) => e.node.entityType)).toEqual(['Task', 'ResponsePlan']);
    const planOnly = await history(plan.gid, team.ann, { filter: { entityType: 'ResponsePlan' } });
    expect(planOnly.edges.map((e) => e.node.kind)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);

    const first = await history(plan.gid, team.ann, { first: 2 });
    const rest = await history(plan.gid, team.ann, { first: 100, after: first.pageInfo.endCursor });
    expect(first.totalCount).toBe(6);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const all = await revisionsOf(plan.gid);
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(all.map((r) => r.id));
  });

  it.each([
    ['an unknown kind of record', { entityType: 'Situation' }, 'filter.entityType'],
    ['a malformed user id', { userId: 'nope' }, 'filter.userId'],
  ])('refuses a filter with %s', async (_case, filter, field) => {
    const plan = await createPlan(api, team, team.ann);
    const res = await api.gql(HISTORY, { id: plan.gid, filter }, team.ann.headers);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
  });

  it('records set changes (risk factors, prerequisites, required capabilities) and participants', async () => {
    const plan = await createPlan(api, team, team.ann);
    const objective = ok(
      await api.gql(
        `mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { id version } } }`,
        { input: { planId: plan.gid, title: 'Deter attacks', riskFactorIds: [riskFactorGid(1)] } },
        team.ann.headers,
      ),
    ).createObjective.objective;
    ok(
      await api.gql(
        `mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { objective { id } } }`,
        {
          input: {
            id: objective.id,
            expectedVersion: objective.version,
            riskFactorIds: [riskFactorGid(2), riskFactorGid(1)],
          },
        },
        team.ann.headers,
      ),
    );
    const first = await createTask(api, plan.gid, team.ann, { title: 'Survey' });
    const second = await createTask(api, plan.gid, team.ann, {
      title: 'Patrol',
      dependsOnIds: [first.gid],
      requiredCapabilities: [{ capability: 'FORMED_POLICE_UNIT', quantity: 2 }],
    });
    ok(
      await api.gql(
        `mutation($input: AddPlanParticipantInput!) { addPlanParticipant(input: $input) { participant { id } } }`,
        { input: { planId: plan.gid, actorId: team.orgs.stranger.gid, role: 'OBSERVER' } },
        team.ann.headers,
      ),
    );
    ok(
      await api.gql(
        `mutation($input: RemovePlanParticipantInput!) { removePlanParticipant(input: $input) { removedParticipantId } }`,
        { input: { planId: plan.gid, actorId: team.orgs.stranger.gid } },
        team.ann.headers,
      ),
    );

    const revisions = await revisionsOf(plan.gid);
    const objectiveChanges = revisions.filter((r) => r.entityId === objective.id);
    expect(objectiveChanges.map((r) => [r.kind, r.fields.riskFactorIds])).toEqual([
      ['UPDATE', { before: [riskFactorGid(1)], after: [riskFactorGid(1), riskFactorGid(2)] }],
      ['CREATE', { before: null, after: [riskFactorGid(1)] }],
    ]);
    const patrol = revisions.find((r) => r.entityId === second.gid);
    expect(patrol?.fields).toMatchObject({
      dependsOnIds: { before: null, after: [first.gid] },
      requiredCapabilities: { before: null, after: ['FORMED_POLICE_UNIT x2'] },
    });
    const participation = revisions.filter(
      (r) =>
        r.entityType === 'PlanParticipant' &&
        [r.fields.actorId?.before, r.fields.actorId?.after].includes(team.orgs.stranger.gid),
    );
    expect(participation.map((r) => r.kind)).toEqual(['DELETE', 'CREATE']);
  });

  it('writes nothing for a change that was rolled back', async () => {
    const plan = await createPlan(api, team, team.ann);
    const a = await createTask(api, plan.gid, team.ann, { title: 'A' });
    const b = await createTask(api, plan.gid, team.ann, { title: 'B', dependsOnIds: [a.gid] });
    const before = (await history(plan.gid)).totalCount;
    // A depending on B closes a cycle: the update is refused after its version check passed.
    const res = await api.gql(
      UPDATE_TASK,
      { input: { id: a.gid, expectedVersion: a.version, title: 'A again', dependsOnIds: [b.gid] } },
      team.ann.headers,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await history(plan.gid)).totalCount).toBe(before);
  });

  it('reads a revision by node(id), with the record it changed', async () => {
    const plan = await createPlan(api, team, team.ann);
    await updatePlan(plan.gid, plan.version, { title: 'Renamed' }, team.ann);
    const [latest] = await revisionsOf(plan.gid);
    const res = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { id ... on Revision { kind entity { id ... on ResponsePlan { title } } } } }`,
        { id: latest.id },
        team.ann.headers,
      ),
    );
    expect(res.node).toEqual({ id: latest.id, kind: 'UPDATE', entity: { id: plan.gid, title: 'Renamed' } });
  });
});

describe('reading a plan as of a revision', () => {
  it('returns the title, status and task states as they were then', async () => {
    const plan = await createPlan(api, team, team.ann);
    const task = await createTask(api, plan.gid, team.ann, { title: 'Survey the site' });
    const [taskCreated] = await revisionsOf(plan.gid);
    const v2 = await updatePlan(plan.gid, plan.version, { title: 'Renamed', status: 'ACTIVE' }, team.ben);
    ok(
      await api.gql(
        UPDATE_TASK,
        { input: { id: task.gid, expectedVersion: task.version, status: 'IN_PROGRESS' } },
        team.ann.headers,
      ),
    );
    await createTask(api, plan.gid, team.ann, { title: 'Later task' });

    const then = ok(
      await api.gql(AS_OF, { id: plan.gid, revisionId: taskCreated.id }, team.carla.headers),
    ).responsePlanAsOf;
    expect(then).toEqual({
      planId: plan.gid,
      title: 'Protection of civilians in Malakal',
      status: 'DRAFT',
      version: plan.version,
      asOf: { id: taskCreated.id },
      tasks: [
        { taskId: task.gid, title: 'Survey the site', status: 'DRAFT', priority: 'MEDIUM', version: 1 },
      ],
    });

    const [renamed] = (
      await history(plan.gid, team.ann, { filter: { entityType: 'ResponsePlan' } })
    ).edges.map((e) => e.node);
    const later = ok(
      await api.gql(AS_OF, { id: plan.gid, revisionId: renamed.id }, team.ann.headers),
    ).responsePlanAsOf;
    expect(later).toMatchObject({ title: 'Renamed', status: 'ACTIVE', version: v2.version });
    expect(later.tasks).toEqual([
      { taskId: task.gid, title: 'Survey the site', status: 'DRAFT', priority: 'MEDIUM', version: 1 },
    ]);
  });

  it('answers NOT_FOUND for a revision of another plan', async () => {
    const plan = await createPlan(api, team, team.ann);
    const other = await createPlan(api, team, team.ann);
    const [foreign] = await revisionsOf(other.gid);
    const res = await api.gql(AS_OF, { id: plan.gid, revisionId: foreign.id }, team.ann.headers);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].extensions?.field).toBe('revisionId');
  });
});

describe('restoring a field', () => {
  it('sets the field back to its value before the change, as a new revision by the restorer', async () => {
    const plan = await createPlan(api, team, team.ann);
    const v2 = await updatePlan(plan.gid, plan.version, { title: 'Wrong title', summary: 'Kept' }, team.ben);
    const [mistake] = await revisionsOf(plan.gid);

    const res = ok(
      await api.gql(
        RESTORE,
        { input: { revisionId: mistake.id, field: 'title', expectedVersion: v2.version } },
        team.carla.headers,
      ),
    ).restoreRevisionField;
    expect(res.record).toEqual({
      id: plan.gid,
      title: 'Protection of civilians in Malakal',
      version: v2.version + 1,
    });
    expect(res.revision).toMatchObject({
      kind: 'UPDATE',
      fields: { title: { before: 'Wrong title', after: 'Protection of civilians in Malakal' } },
      user: { id: team.carla.userGid },
    });
    const [latest] = await revisionsOf(plan.gid);
    expect(latest.id).toBe(res.revision.id);
    const [row] = await api.db.query('SELECT title, summary FROM response_plan WHERE id = $1', [plan.id]);
    expect(row).toEqual({ title: 'Protection of civilians in Malakal', summary: 'Kept' });
  });

  it('restores a set field through the same rules as an edit', async () => {
    const plan = await createPlan(api, team, team.ann);
    const objective = ok(
      await api.gql(
        `mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { id version } } }`,
        { input: { planId: plan.gid, title: 'Deter attacks', riskFactorIds: [riskFactorGid(3)] } },
        team.ann.headers,
      ),
    ).createObjective.objective;
    ok(
      await api.gql(
        `mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { objective { id } } }`,
        { input: { id: objective.id, expectedVersion: objective.version, riskFactorIds: [] } },
        team.ann.headers,
      ),
    );
    const [cleared] = await revisionsOf(plan.gid);
    const res = ok(
      await api.gql(
        RESTORE,
        { input: { revisionId: cleared.id, field: 'riskFactorIds', expectedVersion: objective.version + 1 } },
        team.ann.headers,
      ),
    ).restoreRevisionField;
    expect(res.record).toEqual({
      id: objective.id,
      riskFactors: [{ number: 3 }],
      version: objective.version + 2,
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const plan = await createPlan(api, team, team.ann);
    const v2 = await updatePlan(plan.gid, plan.version, { title: 'Second' }, team.ann);
    const [second] = await revisionsOf(plan.gid);
    await updatePlan(plan.gid, v2.version, { title: 'Third' }, team.ben);
    const res = await api.gql(
      RESTORE,
      { input: { revisionId: second.id, field: 'title', expectedVersion: v2.version } },
      team.ann.headers,
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0].extensions).toMatchObject({
      currentVersion: v2.version + 1,
      current: { title: 'Third' },
      lastChange: { userId: team.ben.userGid },
    });
    const [row] = await api.db.query('SELECT title, version FROM response_plan WHERE id = $1', [plan.id]);
    expect(row).toEqual({ title: 'Third', version: v2.version + 1 });
  });

  it.each([
    ['a revision that created the record', 'create', 'title', 'revisionId'],
    ['a field the revision did not change', 'update', 'summary', 'field'],
    ['a field that is not restorable', 'assignment', 'status', 'field'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, which, field, errorField) => {
    const plan = await createPlan(api, team, team.ann);
    await updatePlan(plan.gid, plan.version, { title: 'Renamed' }, team.ann);
    if (which === 'assignment') {
      const task = await createTask(api, plan.gid, team.ann);
      const assignment = await assignToPartner(api, team, task.gid, team.ann);
      ok(
        await api.gql(
          RESPOND,
          { input: { assignmentId: assignment.id, response: 'ACCEPT' } },
          team.partner.headers,
        ),
      );
    }
    const revisions = await revisionsOf(plan.gid);
    const target =
      which === 'create'
        ? revisions.find((r) => r.entityType === 'ResponsePlan' && r.kind === 'CREATE')
        : which === 'update'
          ? revisions.find((r) => r.entityType === 'ResponsePlan' && r.kind === 'UPDATE')
          : revisions.find((r) => r.entityType === 'TaskAssignment' && r.kind === 'UPDATE');
    const res = await api.gql(
      RESTORE,
      { input: { revisionId: target?.id, field, expectedVersion: 2 } },
      team.ann.headers,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(errorField);
  });
});

describe('who reads and restores history', () => {
  /** A plan with one title change and a task assigned to the partner's organisation. */
  async function world() {
    const plan = await createPlan(api, team, team.ann);
    const v2 = await updatePlan(plan.gid, plan.version, { title: 'Renamed' }, team.ann);
    const task = await createTask(api, plan.gid, team.ann);
    await assignToPartner(api, team, task.gid, team.ann);
    const revisions = await revisionsOf(plan.gid);
    const rename = revisions.find((r) => r.entityType === 'ResponsePlan' && r.kind === 'UPDATE') as Revision;
    return { plan, v2, revisions, rename };
  }

  const readers: [string, keyof Team, 'ALL' | 'NONE' | 'NOT_FOUND'][] = [
    ['a liaison of the lead', 'ann', 'ALL'],
    ['a liaison of a contributor', 'carla', 'ALL'],
    ['a viewer of a contributor', 'viewer', 'ALL'],
    ['an administrator', 'admin', 'ALL'],
    // The history tells what happened to every part of the plan; a partner sees only its own task.
    ['a partner that sees the plan through its assignment', 'partner', 'NONE'],
    ['a liaison of an unrelated organisation', 'stranger', 'NOT_FOUND'],
  ];

  it.each(readers)('%s: history → %s', async (_label, who, expected) => {
    const { plan, revisions, rename } = await world();
    const as = team[who] as Person;
    const res = await api.gql(HISTORY, { id: plan.gid, first: 100 }, as.headers);
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: rename.id }, as.headers),
    ).node;
    const asOf = await api.gql(AS_OF, { id: plan.gid, revisionId: rename.id }, as.headers);
    if (expected === 'NOT_FOUND') {
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(node).toBeNull();
      expect(errorCode(asOf)).toBe('NOT_FOUND');
      return;
    }
    const seen = ok(res).responsePlan.history;
    if (expected === 'ALL') {
      expect(seen.totalCount).toBe(revisions.length);
      expect(node).toEqual({ id: rename.id });
      expect(ok(asOf).responsePlanAsOf.title).toBe('Renamed');
    } else {
      expect(seen).toMatchObject({ totalCount: 0, edges: [] });
      expect(node).toBeNull();
      expect(errorCode(asOf)).toBe('NOT_FOUND');
    }
  });

  const restorers: [string, keyof Team, string][] = [
    ['a liaison of a contributor', 'carla', 'OK'],
    ['an administrator', 'admin', 'OK'],
    ['a viewer of a contributor', 'viewer', 'FORBIDDEN'],
    ['a partner', 'partner', 'NOT_FOUND'],
    ['a liaison of an unrelated organisation', 'stranger', 'NOT_FOUND'],
  ];

  it.each(restorers)('%s restoring a field → %s', async (_label, who, expected) => {
    const { plan, v2, rename } = await world();
    const res = await api.gql(
      RESTORE,
      { input: { revisionId: rename.id, field: 'title', expectedVersion: v2.version } },
      (team[who] as Person).headers,
    );
    const [row] = await api.db.query<{ title: string }>('SELECT title FROM response_plan WHERE id = $1', [
      plan.id,
    ]);
    if (expected === 'OK') {
      expect(res.errors).toBeUndefined();
      expect(row.title).toBe('Protection of civilians in Malakal');
    } else {
      expect(errorCode(res)).toBe(expected);
      expect(row.title).toBe('Renamed');
    }
  });

  it('answers a missing revision with NOT_FOUND naming the field', async () => {
    const missing = toGlobalId('Revision', '00000000-0000-4000-8000-000000000000');
    const res = await api.gql(
      RESTORE,
      { input: { revisionId: missing, field: 'title', expectedVersion: 1 } },
      team.ann.headers,
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].extensions?.field).toBe('revisionId');
  });
});

describe('reading history, presence and leases of many plans', () => {
  const NESTED = `query($situation: ID!) {
    responsePlans(first: 20, filter: { situationId: $situation }) { edges { node {
      history(first: 10) { totalCount edges { node { entityId user { displayName } actor { name } entity { id } plan { id } } } }
      presence { displayName organisation { name } user { id } }
      tasks(first: 5) { edges { node { lease { holder { displayName } holderActor { name } task { id } } } } }
    } } }
  }`;

  /** `count` plans of one situation, each edited, with a leased task and someone present. */
  async function plans(count: number) {
    const situation = await makeSituation(api.db);
    for (let i = 0; i < count; i++) {
      const plan = await createPlan(api, team, team.ann, { situationId: situation.gid });
      await updatePlan(plan.gid, plan.version, { title: `Plan ${i}` }, team.ben);
      const task = await createTask(api, plan.gid, team.ann);
      ok(
        await api.gql(
          `mutation($input: TakeTaskLeaseInput!) { takeTaskLease(input: $input) { lease { expiresAt } } }`,
          { input: { taskId: task.gid } },
          team.carla.headers,
        ),
      );
      ok(
        await api.gql(
          `mutation($input: HeartbeatPresenceInput!) { heartbeatPresence(input: $input) { presence { mode } } }`,
          { input: { planId: plan.gid, clientId: 'tab', mode: 'VIEWING' } },
          team.viewer.headers,
        ),
      );
    }
    return situation.gid;
  }

  it('costs the same number of statements for 2 plans as for 6', async () => {
    const small = await plans(2);
    const large = await plans(6);
    // The change feed of the live module also reads through the pool after writes: the fewest of a
    // few runs is the read's own count.
    const read = async (situation: string) => {
      let fewest = Number.POSITIVE_INFINITY;
      let edges = 0;
      for (let run = 0; run < 3; run++) {
        const { statements, result } = await countStatements(api.db, async () =>
          ok(await api.gql(NESTED, { situation }, team.ann.headers)),
        );
        fewest = Math.min(fewest, statements);
        edges = result.responsePlans.edges.length;
      }
      return { statements: fewest, edges };
    };
    const a = await read(small);
    const b = await read(large);
    expect([a.edges, b.edges]).toEqual([2, 6]);
    expect(b.statements).toBe(a.statements);
  });
});
