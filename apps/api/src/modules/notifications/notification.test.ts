import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAssignment, makePlan, makeTask } from '../../../test/factories-plans';
import type { Data } from '../../../test/live-helpers';
import { toGlobalId } from '../../common/ids';
import { createDataSource } from '../../db/data-source';
import { Database } from '../../db/database';
import { escalationService } from './escalation.service';

let api: TestApi;
/** A second connection pool, as a second API process would have. */
let other: Database;

beforeAll(async () => {
  api = await startTestApi();
  const dataSource = createDataSource(api.databaseUrl, { max: 4 });
  await dataSource.initialize();
  other = new Database(dataSource);
});

afterAll(async () => {
  await other?.dataSource.destroy();
  await api?.close();
});

/** A plan led by one organisation, with an assignment to another whose answer was due a minute ago. */
async function overdueAssignment(values: { status?: 'PROPOSED' | 'ACCEPTED'; dueIn?: string } = {}) {
  const lead = await makeActor(api.db);
  const holder = await makeActor(api.db);
  const plan = await makePlan(api.db, { leadActorId: lead.id });
  const task = await makeTask(api.db, plan.id, { title: 'Open a humanitarian corridor' });
  const assignment = await makeAssignment(api.db, task.id, holder.id, {
    status: values.status ?? 'PROPOSED',
  });
  await api.db.query(`UPDATE task_assignment SET respond_by = now() + $2::interval WHERE id = $1`, [
    assignment.id,
    values.dueIn ?? '-1 minute',
  ]);
  return { lead, holder, plan, task, assignment };
}

async function notificationsOf(assignmentId: string) {
  return api.db.query<{ id: string; kind: string; actorId: string; title: string; dedupeKey: string }>(
    `SELECT id, kind, actor_id AS "actorId", title, dedupe_key AS "dedupeKey" FROM notification WHERE entity_id = $1`,
    [assignmentId],
  );
}

async function escalationsOf(assignmentId: string) {
  return api.db.query<{ planId: string; actorIds: string[]; kind: string }>(
    `SELECT plan_id AS "planId", actor_ids AS "actorIds", kind FROM change_log WHERE topic = 'ESCALATION' AND entity_id = $1`,
    [assignmentId],
  );
}

describe('escalation of unanswered assignments', () => {
  it('notifies the lead organisation once and announces it, however many sweeps run at the same time', async () => {
    const { lead, holder, plan, assignment } = await overdueAssignment();
    await Promise.all([
      escalationService.escalateOverdue(api.db),
      escalationService.escalateOverdue(other),
      escalationService.escalateOverdue(api.db),
      escalationService.escalateOverdue(other),
    ]);
    await escalationService.escalateOverdue(other);
    const notified = await notificationsOf(assignment.id);
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({
      kind: 'ASSIGNMENT_OVERDUE',
      actorId: lead.id,
      dedupeKey: `overdue:${assignment.id}`,
    });
    expect(notified[0].title).toContain('Open a humanitarian corridor');
    expect(await escalationsOf(assignment.id)).toEqual([
      { planId: plan.id, actorIds: [holder.id, lead.id], kind: 'ESCALATED' },
    ]);
  });

  it.each([
    ['answered in time', { status: 'ACCEPTED' as const }],
    ['still within its time', { dueIn: '1 hour' }],
  ])('leaves an assignment %s alone', async (_label, values) => {
    const { assignment } = await overdueAssignment(values);
    await escalationService.escalateOverdue(api.db);
    expect(await notificationsOf(assignment.id)).toEqual([]);
    expect(await escalationsOf(assignment.id)).toEqual([]);
  });

  it('escalates a declined LEAD once, and nothing else', async () => {
    const lead = await makeActor(api.db);
    const plan = await makePlan(api.db, { leadActorId: lead.id });
    const task = await makeTask(api.db, plan.id);
    const declined = await makeAssignment(api.db, task.id, (await makeActor(api.db)).id, {
      role: 'LEAD',
      status: 'DECLINED',
      reason: 'No capacity',
    });
    const support = await makeAssignment(api.db, task.id, (await makeActor(api.db)).id, {
      status: 'DECLINED',
      reason: 'No capacity',
    });
    const counts = await Promise.all([
      escalationService.escalateLeadDeclined(api.db, [declined.id, support.id]),
      escalationService.escalateLeadDeclined(other, [declined.id, support.id]),
    ]);
    expect(counts.sort()).toEqual([0, 1]);
    expect((await notificationsOf(declined.id)).map((n) => n.kind)).toEqual(['LEAD_DECLINED']);
    expect(await notificationsOf(support.id)).toEqual([]);
  });
});

describe('notifications', () => {
  const LIST = `query($filter: NotificationFilter) { notifications(filter: $filter) { totalCount edges { node { id kind title readAt actor { id } subject { id } } } } }`;

  async function escalated() {
    const made = await overdueAssignment();
    await escalationService.escalateOverdue(api.db);
    const [notification] = await notificationsOf(made.assignment.id);
    return { ...made, notificationId: notification.id, gid: toGlobalId('Notification', notification.id) };
  }

  it('are read by liaisons of the notified organisation and administrators, and by nobody else', async () => {
    const { lead, holder, gid, assignment } = await escalated();
    const readers = {
      leadLiaison: await signedInAs(api.db, 'LIAISON', lead.id),
      leadViewer: await signedInAs(api.db, 'VIEWER', lead.id),
      holderLiaison: await signedInAs(api.db, 'LIAISON', holder.id),
      stranger: await signedInAs(api.db, 'LIAISON'),
    };
    const seen = async (cookie: string) => {
      const list = ok(
        await api.gql(LIST, { filter: { actorId: toGlobalId('Actor', lead.id) } }, { cookie }),
      ).notifications;
      const node = ok(
        await api.gql('query($id: ID!) { node(id: $id) { id } }', { id: gid }, { cookie }),
      ).node;
      return { ids: list.edges.map((e: Data) => e.node.id), total: list.totalCount, node: node?.id ?? null };
    };
    expect(await seen(readers.leadLiaison.cookie)).toEqual({ ids: [gid], total: 1, node: gid });
    expect(await seen(api.adminCookie)).toEqual({ ids: [gid], total: 1, node: gid });
    for (const outsider of [readers.leadViewer, readers.holderLiaison, readers.stranger]) {
      expect(await seen(outsider.cookie)).toEqual({ ids: [], total: 0, node: null });
    }
    const mine = ok(await api.gql(LIST, {}, { cookie: readers.leadLiaison.cookie })).notifications.edges[0]
      .node;
    expect(mine).toMatchObject({
      kind: 'ASSIGNMENT_OVERDUE',
      readAt: null,
      actor: { id: toGlobalId('Actor', lead.id) },
      subject: { id: assignment.gid },
    });
    expect(errorCode(await api.gql(LIST, {}, { cookie: '' }))).toBe('UNAUTHENTICATED');
  });

  it('are marked read for the whole organisation, once', async () => {
    const { lead, gid } = await escalated();
    const liaison = await signedInAs(api.db, 'LIAISON', lead.id);
    const colleague = await signedInAs(api.db, 'LIAISON', lead.id);
    const MARK =
      'mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { notification { id readAt } } }';
    const first = ok(await api.gql(MARK, { input: { notificationId: gid } }, { cookie: liaison.cookie }))
      .markNotificationRead.notification;
    expect(first.readAt).not.toBeNull();
    const again = ok(await api.gql(MARK, { input: { notificationId: gid } }, { cookie: colleague.cookie }))
      .markNotificationRead.notification;
    expect(again.readAt).toBe(first.readAt);
    const unread = ok(
      await api.gql(LIST, { filter: { unreadOnly: true } }, { cookie: colleague.cookie }),
    ).notifications;
    expect(unread.edges.map((e: Data) => e.node.id)).not.toContain(gid);
  });

  it('cannot be marked read by someone who may not read them, and stay unread', async () => {
    const { gid, notificationId } = await escalated();
    const stranger = await signedInAs(api.db, 'LIAISON');
    const refused = await api.gql(
      'mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { notification { id } } }',
      { input: { notificationId: gid } },
      { cookie: stranger.cookie },
    );
    expect(errorCode(refused)).toBe('NOT_FOUND');
    const [row] = await api.db.query<{ readAt: Date | null }>(
      'SELECT read_at AS "readAt" FROM notification WHERE id = $1',
      [notificationId],
    );
    expect(row.readAt).toBeNull();
  });
});
