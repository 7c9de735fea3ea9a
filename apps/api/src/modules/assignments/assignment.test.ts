import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAssignment, makePlan, makeTask } from '../../../test/factories-plans';
import { fromGlobalId } from '../../common/ids';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const FIELDS =
  'id role status reason respondBy proposedDueOn respondedAt version task { id status } actor { id name }';
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { assignment { ${FIELDS} } } }`;
const RESPOND = `mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { ${FIELDS} } } }`;
const WITHDRAW = `mutation($input: WithdrawAssignmentInput!) { withdrawAssignment(input: $input) { assignment { ${FIELDS} } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on TaskAssignment { ${FIELDS} } } }`;
const TASK_ASSIGNMENTS = `query($id: ID!, $filter: TaskAssignmentFilter, $first: Int, $after: String, $last: Int, $before: String) {
  task(id: $id) {
    status
    assignments(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { node { role status actor { name } } } pageInfo { endCursor startCursor hasNextPage hasPreviousPage }
    }
  }
}`;

/** A task in its own plan, and an actor to give it to. */
async function setup(values: Parameters<typeof makeTask>[2] = {}) {
  const plan = await makePlan(api.db);
  const task = await makeTask(api.db, plan.id, values);
  const actor = await makeActor(api.db, { name: `Partner ${Math.random().toString(36).slice(2, 8)}` });
  return { plan, task, actor };
}

const assign = async (taskId: string, actorId: string, role = 'SUPPORT', extra: object = {}) =>
  api.gql(ASSIGN, { input: { taskId, actorId, role, ...extra } });
const read = async (id: string) => ok(await api.gql(NODE, { id })).node;

describe('assigning tasks', () => {
  it('proposes a task to an actor, with a deadline to answer', async () => {
    const { task, actor } = await setup();
    const respondBy = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const assignment = ok(await assign(task.gid, actor.gid, 'LEAD', { respondBy })).assignTask.assignment;
    expect(assignment).toMatchObject({
      role: 'LEAD',
      status: 'PROPOSED',
      reason: null,
      respondedAt: null,
      version: 1,
      task: { id: task.gid, status: 'DRAFT' },
      actor: { id: actor.gid, name: actor.name },
    });
    expect(new Date(assignment.respondBy).toISOString()).toBe(respondBy);
    expect((await read(assignment.id)).id).toBe(assignment.id);
  });

  it("carries its task's plan, kept by the database whatever writes it", async () => {
    const { plan, task, actor } = await setup();
    const other = await makePlan(api.db);
    const assignment = ok(await assign(task.gid, actor.gid)).assignTask.assignment;
    const id = fromGlobalId('TaskAssignment', assignment.id);
    const planOf = async () =>
      (
        await api.db.query<{ planId: string }>(
          'SELECT plan_id AS "planId" FROM task_assignment WHERE id = $1',
          [id],
        )
      )[0].planId;
    expect(await planOf()).toBe(plan.id);
    await api.db.query('UPDATE task_assignment SET plan_id = $1 WHERE id = $2', [other.id, id]);
    expect(await planOf()).toBe(plan.id);
    await api.db.query('UPDATE task SET plan_id = $1 WHERE id = $2', [other.id, task.id]);
    expect(await planOf()).toBe(other.id);
  });

  it('refuses a second open LEAD naming role, and allows a new LEAD once the first declined', async () => {
    const { task, actor } = await setup();
    const other = await makeActor(api.db);
    const first = ok(await assign(task.gid, actor.gid, 'LEAD')).assignTask.assignment;
    const second = await assign(task.gid, other.gid, 'LEAD');
    expect(errorCode(second)).toBe('BAD_USER_INPUT');
    expect(second.errors?.[0].extensions?.field).toBe('role');
    expect(second.errors?.[0].message).toMatch(/LEAD/);

    ok(
      await api.gql(RESPOND, {
        input: { assignmentId: first.id, response: 'DECLINE', reason: 'No presence in the area' },
      }),
    );
    const replacement = ok(await assign(task.gid, other.gid, 'LEAD')).assignTask.assignment;
    expect(replacement).toMatchObject({ role: 'LEAD', status: 'PROPOSED' });
  });

  it('lets only one of two concurrent LEAD assignments through, and explains the other', async () => {
    const { task } = await setup();
    const actors = await Promise.all([
      makeActor(api.db),
      makeActor(api.db),
      makeActor(api.db),
      makeActor(api.db),
    ]);
    const results = await Promise.all(actors.map((a) => assign(task.gid, a.gid, 'LEAD')));
    const refused = results.filter((r) => r.errors);
    expect(results.length - refused.length).toBe(1);
    for (const r of refused)
      expect([errorCode(r), r.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'role']);
    const listed = ok(await api.gql(TASK_ASSIGNMENTS, { id: task.gid })).task.assignments;
    expect(listed.totalCount).toBe(1);
  });

  it('refuses a second open assignment of the same actor to one task, naming actorId', async () => {
    const { task, actor } = await setup();
    ok(await assign(task.gid, actor.gid, 'SUPPORT'));
    const again = await assign(task.gid, actor.gid, 'CONSULTED');
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].extensions?.field).toBe('actorId');
  });

  it.each([
    ['a respond-by time in the past', { respondBy: '2020-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'respondBy'],
    ['a malformed task id', { taskId: 'nope' }, 'BAD_USER_INPUT', 'taskId'],
    [
      'a task that does not exist',
      { taskId: Buffer.from('Task:00000000-0000-0000-0000-000000000000').toString('base64url') },
      'NOT_FOUND',
      'taskId',
    ],
    [
      'an actor that does not exist',
      { actorId: Buffer.from('Actor:00000000-0000-0000-0000-000000000000').toString('base64url') },
      'NOT_FOUND',
      'actorId',
    ],
  ])('refuses %s and assigns nothing', async (_label, values, code, field) => {
    const { task, actor } = await setup();
    const res = await api.gql(ASSIGN, {
      input: { taskId: task.gid, actorId: actor.gid, role: 'SUPPORT', ...values },
    });
    expect([errorCode(res), res.errors?.[0].extensions?.field]).toEqual([code, field]);
    expect(ok(await api.gql(TASK_ASSIGNMENTS, { id: task.gid })).task.assignments.totalCount).toBe(0);
  });

  it('refuses to assign a task that is already completed', async () => {
    const { task, actor } = await setup({ status: 'COMPLETED' });
    const res = await assign(task.gid, actor.gid);
    expect([errorCode(res), res.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'taskId']);
  });
});

describe('answering an assignment', () => {
  it('accepting the LEAD agrees the task, in the same change', async () => {
    const { task, actor } = await setup({ status: 'PROPOSED' });
    const assignment = ok(await assign(task.gid, actor.gid, 'LEAD')).assignTask.assignment;
    const accepted = ok(
      await api.gql(RESPOND, {
        input: { assignmentId: assignment.id, expectedVersion: 1, response: 'ACCEPT' },
      }),
    ).respondToAssignment.assignment;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 2, task: { status: 'ACCEPTED' } });
    expect(accepted.respondedAt).not.toBeNull();
  });

  it('accepting a SUPPORT assignment leaves the task as it was', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid, 'SUPPORT')).assignTask.assignment;
    const accepted = ok(
      await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } }),
    );
    expect(accepted.respondToAssignment.assignment).toMatchObject({
      status: 'ACCEPTED',
      task: { status: 'DRAFT' },
    });
  });

  it('refuses to accept an assignment that is already ACCEPTED with CONFLICT', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid)).assignTask.assignment;
    ok(await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } }));
    const again = await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already ACCEPTED/);
    expect(again.errors?.[0].extensions).toMatchObject({ currentStatus: 'ACCEPTED', currentVersion: 2 });
    expect(await read(assignment.id)).toMatchObject({ status: 'ACCEPTED', version: 2 });
  });

  it('declines with a reason, which frees the actor for a new assignment', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid)).assignTask.assignment;
    const declined = ok(
      await api.gql(RESPOND, {
        input: {
          assignmentId: assignment.id,
          response: 'DECLINE',
          reason: 'Our helicopters are grounded until May',
        },
      }),
    ).respondToAssignment.assignment;
    expect(declined).toMatchObject({ status: 'DECLINED', reason: 'Our helicopters are grounded until May' });
    const late = await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } });
    expect(errorCode(late)).toBe('CONFLICT');
    expect(late.errors?.[0].message).toMatch(/already DECLINED/);
    expect(ok(await assign(task.gid, actor.gid)).assignTask.assignment.status).toBe('PROPOSED');
  });

  it('counter-proposes a date with a reason; the counter-proposal can then be accepted', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid, 'LEAD')).assignTask.assignment;
    const countered = ok(
      await api.gql(RESPOND, {
        input: {
          assignmentId: assignment.id,
          response: 'COUNTER_PROPOSE',
          reason: 'The rainy season closes the road until April',
          proposedDueOn: '2025-04-15',
        },
      }),
    ).respondToAssignment.assignment;
    expect(countered).toMatchObject({ status: 'COUNTER_PROPOSED', proposedDueOn: '2025-04-15', version: 2 });
    const again = await api.gql(RESPOND, {
      input: {
        assignmentId: assignment.id,
        response: 'COUNTER_PROPOSE',
        reason: 'Later still',
        proposedDueOn: '2025-05-01',
      },
    });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/ACCEPT or DECLINE/);

    const accepted = ok(
      await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } }),
    ).respondToAssignment.assignment;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      proposedDueOn: '2025-04-15',
      reason: 'The rainy season closes the road until April',
      task: { status: 'ACCEPTED' },
    });
  });

  it.each([
    ['declining without a reason', { response: 'DECLINE' }, 'reason'],
    ['declining with a blank reason', { response: 'DECLINE', reason: '   ' }, 'reason'],
    [
      'counter-proposing without a reason',
      { response: 'COUNTER_PROPOSE', proposedDueOn: '2025-06-01' },
      'reason',
    ],
    [
      'counter-proposing without a date',
      { response: 'COUNTER_PROPOSE', reason: 'Not before the rains end' },
      'proposedDueOn',
    ],
    ['accepting with a proposed date', { response: 'ACCEPT', proposedDueOn: '2025-06-01' }, 'proposedDueOn'],
    ['a reason over 5000 characters', { response: 'DECLINE', reason: 'x'.repeat(5001) }, 'reason'],
    ['a malformed assignment id', { response: 'ACCEPT', assignmentId: 'bad' }, 'assignmentId'],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, and changes nothing',
    async (_label, values, field) => {
      const { task, actor } = await setup();
      const assignment = ok(await assign(task.gid, actor.gid)).assignTask.assignment;
      const res = await api.gql(RESPOND, { input: { assignmentId: assignment.id, ...values } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await read(assignment.id)).toMatchObject({
        status: 'PROPOSED',
        version: 1,
        reason: null,
        respondedAt: null,
      });
    },
  );

  it('refuses an answer to a stale version with CONFLICT', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid)).assignTask.assignment;
    ok(
      await api.gql(RESPOND, {
        input: {
          assignmentId: assignment.id,
          expectedVersion: 1,
          response: 'COUNTER_PROPOSE',
          reason: 'Later',
          proposedDueOn: '2025-09-01',
        },
      }),
    );
    const stale = await api.gql(RESPOND, {
      input: { assignmentId: assignment.id, expectedVersion: 1, response: 'DECLINE', reason: 'No' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await read(assignment.id)).toMatchObject({
      status: 'COUNTER_PROPOSED',
      reason: 'Later',
      version: 2,
    });
  });

  it('of 10 concurrent accepts of one assignment, exactly one succeeds and the others get CONFLICT', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid, 'LEAD')).assignTask.assignment;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } }),
      ),
    );
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
    expect(await read(assignment.id)).toMatchObject({
      status: 'ACCEPTED',
      version: 2,
      task: { status: 'ACCEPTED' },
    });
  });

  it('records the answer and the task it agreed in the audit log, with before and after', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid, 'LEAD')).assignTask.assignment;
    ok(await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } }));
    const events = await api.db.query<{
      entityType: string;
      fields: Record<string, { before: unknown; after: unknown }>;
    }>(
      `SELECT entity_type AS "entityType", changes->'fields' AS fields FROM audit_event
       WHERE entity_id = ANY($1::uuid[]) AND changes->>'kind' = 'update' ORDER BY occurred_at, entity_type`,
      [[task.id, fromGlobalId('TaskAssignment', assignment.id)]],
    );
    expect(events.map((e) => [e.entityType, e.fields.status])).toEqual(
      expect.arrayContaining([
        ['TaskAssignment', { before: 'PROPOSED', after: 'ACCEPTED' }],
        ['Task', { before: 'DRAFT', after: 'ACCEPTED' }],
      ]),
    );
  });

  it('answers an assignment that does not exist with NOT_FOUND', async () => {
    const missing = Buffer.from('TaskAssignment:00000000-0000-0000-0000-000000000000').toString('base64url');
    const res = await api.gql(RESPOND, { input: { assignmentId: missing, response: 'ACCEPT' } });
    expect([errorCode(res), res.errors?.[0].extensions?.field]).toEqual(['NOT_FOUND', 'assignmentId']);
  });
});

describe('withdrawing an assignment', () => {
  it('withdraws an open assignment, freeing the LEAD role; a second withdrawal is CONFLICT', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid, 'LEAD')).assignTask.assignment;
    const withdrawn = ok(
      await api.gql(WITHDRAW, { input: { assignmentId: assignment.id, expectedVersion: 1 } }),
    ).withdrawAssignment.assignment;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: 2 });
    const again = await api.gql(WITHDRAW, { input: { assignmentId: assignment.id, expectedVersion: 2 } });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already WITHDRAWN/);
    const answer = await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } });
    expect(errorCode(answer)).toBe('CONFLICT');
    const other = await makeActor(api.db);
    expect(ok(await assign(task.gid, other.gid, 'LEAD')).assignTask.assignment.status).toBe('PROPOSED');
  });

  it('refuses a withdrawal at a stale version, keeping the answer given meanwhile', async () => {
    const { task, actor } = await setup();
    const assignment = ok(await assign(task.gid, actor.gid)).assignTask.assignment;
    ok(await api.gql(RESPOND, { input: { assignmentId: assignment.id, response: 'ACCEPT' } }));
    const stale = await api.gql(WITHDRAW, { input: { assignmentId: assignment.id, expectedVersion: 1 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await read(assignment.id)).toMatchObject({ status: 'ACCEPTED', version: 2 });
  });
});

describe('reading assignments', () => {
  it('lists a task’s assignments in order, filtered by status and role, paging both ways', async () => {
    const { task } = await setup();
    const names = ['African Union', 'IGAD', 'OHCHR', 'UNHCR'];
    const actors = [];
    for (const name of names) actors.push(await makeActor(api.db, { name }));
    await makeAssignment(api.db, task.id, actors[0].id, { role: 'LEAD' });
    await makeAssignment(api.db, task.id, actors[1].id, { role: 'SUPPORT', status: 'ACCEPTED' });
    await makeAssignment(api.db, task.id, actors[2].id, {
      role: 'CONSULTED',
      status: 'DECLINED',
      reason: 'Out of mandate',
    });
    await makeAssignment(api.db, task.id, actors[3].id, { role: 'INFORMED' });

    const list = async (vars: object) =>
      ok(await api.gql(TASK_ASSIGNMENTS, { id: task.gid, ...vars })).task.assignments;
    const actorNames = (c: { edges: { node: { actor: { name: string } } }[] }) =>
      c.edges.map((e) => e.node.actor.name);
    expect(actorNames(await list({}))).toEqual(names);
    expect(actorNames(await list({ filter: { statuses: ['PROPOSED'] } }))).toEqual([
      'African Union',
      'UNHCR',
    ]);
    expect(
      actorNames(await list({ filter: { roles: ['SUPPORT', 'CONSULTED'], statuses: ['ACCEPTED'] } })),
    ).toEqual(['IGAD']);
    const page = await list({ first: 3 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(actorNames(await list({ first: 3, after: page.pageInfo.endCursor }))).toEqual(['UNHCR']);
    const tail = await list({ last: 3 });
    expect(actorNames(tail)).toEqual(['IGAD', 'OHCHR', 'UNHCR']);
    expect(actorNames(await list({ last: 3, before: tail.pageInfo.startCursor }))).toEqual(['African Union']);
  });

  it('lists an actor’s assignments, by one status or several', async () => {
    const partner = await makeActor(api.db, { name: 'Regional Protection Force' });
    const plan = await makePlan(api.db);
    const tasks = [];
    for (const title of ['Patrol', 'Escort', 'Monitor'])
      tasks.push(await makeTask(api.db, plan.id, { title }));
    await makeAssignment(api.db, tasks[0].id, partner.id);
    await makeAssignment(api.db, tasks[1].id, partner.id, { status: 'ACCEPTED' });
    await makeAssignment(api.db, tasks[2].id, partner.id, { status: 'COUNTER_PROPOSED', reason: 'Later' });
    const query = `query($id: ID!, $status: AssignmentStatus, $statuses: [AssignmentStatus!], $filter: TaskAssignmentFilter) {
      actor(id: $id) { assignments(status: $status, statuses: $statuses, filter: $filter) { totalCount edges { node { status task { title } } } } }
    }`;
    const list = async (vars: object) =>
      ok(await api.gql(query, { id: partner.gid, ...vars })).actor.assignments.edges.map(
        (e: { node: { task: { title: string } } }) => e.node.task.title,
      );
    expect(await list({})).toEqual(['Patrol', 'Escort', 'Monitor']);
    expect(await list({ status: 'ACCEPTED' })).toEqual(['Escort']);
    expect(await list({ statuses: ['PROPOSED', 'COUNTER_PROPOSED'] })).toEqual(['Patrol', 'Monitor']);
    expect(
      await list({
        statuses: ['PROPOSED', 'COUNTER_PROPOSED'],
        filter: { statuses: ['COUNTER_PROPOSED', 'ACCEPTED'] },
      }),
    ).toEqual(['Monitor']);
  });
});
