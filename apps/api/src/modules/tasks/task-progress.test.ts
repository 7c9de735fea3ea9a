import type { AssignmentRole, AssignmentStatus, TaskStatus } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import {
  type Audience,
  GROUPS,
  type Group,
  groupLabel,
  makeAssignment,
  makeAudience,
  makePlan,
  makePlanWorld,
  makeTask,
  type Outcome,
} from '../../../test/factories-plans';

let api: TestApi;
let audience: Audience;

beforeAll(async () => {
  api = await startTestApi();
  audience = await makeAudience(api);
});
afterAll(() => api?.close());

const REPORT = `mutation($input: ReportTaskProgressInput!) {
  reportTaskProgress(input: $input) { task { id status version } }
}`;
const missingTask = Buffer.from('Task:00000000-0000-0000-0000-000000000000').toString('base64url');

/** A task of its own plan, given to an organisation whose partner reports on it. */
async function setup(
  options: { taskStatus?: TaskStatus; assignment?: AssignmentStatus; role?: AssignmentRole } = {},
) {
  const plan = await makePlan(api.db);
  const task = await makeTask(api.db, plan.id, { status: options.taskStatus ?? 'ACCEPTED' });
  const org = await makeActor(api.db);
  const status = options.assignment ?? 'ACCEPTED';
  await makeAssignment(api.db, task.id, org.id, {
    role: options.role ?? 'LEAD',
    status,
    // Declining and counter-proposing carry a reason (task_assignment_reason_required).
    ...(status === 'DECLINED' || status === 'COUNTER_PROPOSED'
      ? { reason: 'Not with current capacity' }
      : {}),
  });
  const partner = await signedInAs(api.db, 'PARTNER', org.id);
  return { plan, task, org, partner: { cookie: partner.cookie } };
}

const report = (headers: Record<string, string>, input: Record<string, unknown>) =>
  api.gql(REPORT, { input }, headers);

const taskState = async (id: string) =>
  (
    await api.db.query<{ status: string; version: number }>(
      'SELECT status, version FROM task WHERE id = $1',
      [id],
    )
  )[0];

describe('reporting progress on a task', () => {
  it('lets the organisation that accepted the LEAD move the task through IN_PROGRESS, BLOCKED and SUBMITTED', async () => {
    const { task, partner } = await setup();
    const steps = ['IN_PROGRESS', 'BLOCKED', 'IN_PROGRESS', 'SUBMITTED'];
    for (const [i, status] of steps.entries()) {
      const res = ok(await report(partner, { taskId: task.gid, expectedVersion: i + 1, status }));
      expect(res.reportTaskProgress.task).toEqual({ id: task.gid, status, version: i + 2 });
    }
    expect(await taskState(task.id)).toEqual({ status: 'SUBMITTED', version: 5 });
  });

  it('lets an organisation that accepted a SUPPORT role report too', async () => {
    const { task, partner } = await setup({ role: 'SUPPORT' });
    ok(await report(partner, { taskId: task.gid, expectedVersion: 1, status: 'IN_PROGRESS' }));
    expect(await taskState(task.id)).toEqual({ status: 'IN_PROGRESS', version: 2 });
  });

  it('records the change and the note in the audit log, in the same transaction', async () => {
    const { task, partner } = await setup();
    ok(
      await report(partner, {
        taskId: task.gid,
        expectedVersion: 1,
        status: 'BLOCKED',
        note: '  Road to Lakeside closed by flooding  ',
      }),
    );
    const events = await api.db.query<{ action: string; changes: unknown; details: unknown }>(
      `SELECT action, changes, details FROM audit_event WHERE entity_id = $1 AND outcome = 'SUCCESS' ORDER BY id`,
      [task.id],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        {
          action: 'reportTaskProgress',
          changes: { kind: 'update', fields: { status: { before: 'ACCEPTED', after: 'BLOCKED' } } },
          details: null,
        },
        {
          action: 'task.progress',
          changes: null,
          details: { from: 'ACCEPTED', status: 'BLOCKED', note: 'Road to Lakeside closed by flooding' },
        },
      ]),
    );
  });

  it.each([
    ['the task is still DRAFT', 'DRAFT'],
    ['the task is already SUBMITTED', 'SUBMITTED'],
    ['the task is VERIFIED', 'VERIFIED'],
    ['the task is COMPLETED', 'COMPLETED'],
    ['the task is CANCELLED', 'CANCELLED'],
  ] as const)(
    'refuses a report when %s with CONFLICT naming the current status',
    async (_label, taskStatus) => {
      const { task, partner } = await setup({ taskStatus });
      const res = await report(partner, { taskId: task.gid, expectedVersion: 1, status: 'IN_PROGRESS' });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions).toMatchObject({ currentStatus: taskStatus, currentVersion: 1 });
      expect(await taskState(task.id)).toEqual({ status: taskStatus, version: 1 });
    },
  );

  it('accepts a report on a REOPENED task', async () => {
    const { task, partner } = await setup({ taskStatus: 'REOPENED' });
    ok(await report(partner, { taskId: task.gid, expectedVersion: 1, status: 'IN_PROGRESS' }));
    expect(await taskState(task.id)).toEqual({ status: 'IN_PROGRESS', version: 2 });
  });

  it('refuses a report at a stale version with CONFLICT carrying the current version, keeping the newer status', async () => {
    const { task, partner } = await setup();
    ok(await report(partner, { taskId: task.gid, expectedVersion: 1, status: 'IN_PROGRESS' }));
    const stale = await report(partner, { taskId: task.gid, expectedVersion: 1, status: 'BLOCKED' });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await taskState(task.id)).toEqual({ status: 'IN_PROGRESS', version: 2 });
  });

  it('of 8 concurrent reports at one version, exactly one applies and the others get CONFLICT', async () => {
    const { task, partner } = await setup();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        report(partner, { taskId: task.gid, expectedVersion: 1, status: i % 2 ? 'BLOCKED' : 'IN_PROGRESS' }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(7);
    expect((await taskState(task.id)).version).toBe(2);
  });

  it.each([
    ['a status a partner may not report', { status: 'COMPLETED' }, undefined],
    ['a note over 2000 characters', { note: 'x'.repeat(2001) }, 'note'],
    ['a malformed task id', { taskId: 'not-an-id' }, 'taskId'],
  ])('refuses %s with BAD_USER_INPUT, changing nothing', async (_label, values, field) => {
    const { task, partner } = await setup();
    const res = await report(partner, {
      taskId: task.gid,
      expectedVersion: 1,
      status: 'IN_PROGRESS',
      ...values,
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await taskState(task.id)).toEqual({ status: 'ACCEPTED', version: 1 });
  });

  it('answers a task that does not exist with NOT_FOUND naming taskId', async () => {
    const { partner } = await setup();
    const res = await report(partner, { taskId: missingTask, expectedVersion: 1, status: 'IN_PROGRESS' });
    expect([errorCode(res), res.errors?.[0].extensions?.field]).toEqual(['NOT_FOUND', 'taskId']);
  });
});

describe('who may report progress', () => {
  it.each(['PROPOSED', 'COUNTER_PROPOSED', 'DECLINED', 'WITHDRAWN'] as const)(
    'refuses with FORBIDDEN an organisation whose assignment is %s, and audits the refusal',
    async (status) => {
      const { task, partner } = await setup({ assignment: status });
      const res = await report(partner, { taskId: task.gid, expectedVersion: 1, status: 'IN_PROGRESS' });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(await taskState(task.id)).toEqual({ status: 'ACCEPTED', version: 1 });
      const denials = await api.db.query(
        `SELECT action FROM audit_event WHERE outcome = 'DENIED' AND entity_id = $1`,
        [task.id],
      );
      expect(denials).toEqual([{ action: 'task.progress' }]);
    },
  );

  it.each([
    ['a LIAISON of the organisation', 'LIAISON', 'OK'],
    // A viewer reads plans only as a member; through an assignment the task is out of its reach.
    ['a VIEWER of the organisation', 'VIEWER', 'NOT_FOUND'],
  ] as const)('%s → %s', async (_label, role, outcome) => {
    const { task, org } = await setup();
    const member = await signedInAs(api.db, role, org.id);
    const res = await report(
      { cookie: member.cookie },
      { taskId: task.gid, expectedVersion: 1, status: 'IN_PROGRESS' },
    );
    if (outcome === 'OK') expect(res.errors).toBeUndefined();
    else expect(errorCode(res)).toBe(outcome);
  });

  it.each([
    ['WRITE_ASSIGNMENTS only (it need not read the graph)', ['WRITE_ASSIGNMENTS'], 'PARTNER', 'OK'],
    ['READ_GRAPH only (it reads as a viewer)', ['READ_GRAPH'], 'VIEWER', 'NOT_FOUND'],
  ] as const)('a token of the organisation with %s → %s', async (_label, scopes, role, outcome) => {
    const { task, org } = await setup();
    const token = await audience.token(org.id, role, [...scopes]);
    const res = await report(token, { taskId: task.gid, expectedVersion: 1, status: 'SUBMITTED' });
    if (outcome === 'OK') {
      expect(res.errors).toBeUndefined();
      expect(await taskState(task.id)).toEqual({ status: 'SUBMITTED', version: 2 });
    } else {
      expect(errorCode(res)).toBe(outcome);
      expect(await taskState(task.id)).toEqual({ status: 'ACCEPTED', version: 1 });
    }
  });

  // T1 of plan P is given to the assignee organisation as LEAD, and here that organisation accepted.
  const outcome: Record<Group, Outcome> = {
    anonymous: 'UNAUTHENTICATED',
    viewer: 'FORBIDDEN',
    partner: 'OK',
    otherPartner: 'NOT_FOUND',
    leadLiaison: 'FORBIDDEN',
    contributorLiaison: 'FORBIDDEN',
    otherLiaison: 'NOT_FOUND',
    admin: 'OK',
    readToken: 'FORBIDDEN',
    writeToken: 'OK',
  };
  it.each(GROUPS.map((group) => ({ group, label: `${groupLabel[group]} → ${outcome[group]}` })))(
    'reporting on T1 of plan P: $label',
    async ({ group }) => {
      const world = await makePlanWorld(api.db, audience.orgs);
      await api.db.query(`UPDATE task_assignment SET status = 'ACCEPTED' WHERE id = $1`, [world.r.a1.id]);
      await api.db.query(`UPDATE task SET status = 'ACCEPTED' WHERE id = $1`, [world.r.T1.id]);
      const res = await report(audience.as[group], {
        taskId: world.r.T1.gid,
        expectedVersion: 1,
        status: 'IN_PROGRESS',
      });
      if (outcome[group] === 'OK') {
        expect(res.errors).toBeUndefined();
        expect(await taskState(world.r.T1.id)).toEqual({ status: 'IN_PROGRESS', version: 2 });
      } else {
        expect(errorCode(res)).toBe(outcome[group]);
        expect(await taskState(world.r.T1.id)).toEqual({ status: 'ACCEPTED', version: 1 });
      }
    },
  );

  it('does not reveal a task out of reach: it answers exactly as a missing one', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    await api.db.query(`UPDATE task SET status = 'ACCEPTED' WHERE id = $1`, [world.r.Tc.id]);
    const hidden = await report(audience.as.otherLiaison, {
      taskId: world.r.Tc.gid,
      expectedVersion: 1,
      status: 'BLOCKED',
    });
    const absent = await report(audience.as.otherLiaison, {
      taskId: missingTask,
      expectedVersion: 1,
      status: 'BLOCKED',
    });
    expect(hidden.errors?.[0]).toEqual(absent.errors?.[0]);
  });
});
