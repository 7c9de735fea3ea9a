import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  type Audience,
  checkWrite,
  EDIT_P,
  EDIT_P_UNSEEN,
  GROUPS,
  type Group,
  groupLabel,
  makeAudience,
  makePlanWorld,
  type Outcome,
  type PlanWorld,
  visibleTo,
  type WriteCase,
  writeRows,
} from '../../../test/factories-plans';

let api: TestApi;
let audience: Audience;

beforeAll(async () => {
  api = await startTestApi();
  audience = await makeAudience(api);
});
afterAll(() => api?.close());

describe("who reads an organisation's assignments", () => {
  // Organisations of their own: what their actor.assignments list is exactly this world's.
  let own: Audience;
  let world: PlanWorld;
  let sees: Record<Group, string[]>;
  beforeAll(async () => {
    own = await makeAudience(api);
    world = await makePlanWorld(api.db, own.orgs);
    sees = visibleTo(world);
  });

  const ACTOR_ASSIGNMENTS = `query($assignee: ID!, $other: ID!) {
    assignee: actor(id: $assignee) { ...list }
    other: actor(id: $other) { ...list }
  }
  fragment list on Actor { assignments(first: 20) { totalCount edges { node { id task { id plan { id } } } } } }`;

  it.each(GROUPS.map((group) => [groupLabel[group], group] as const))(
    'shows %s through actor.assignments only the assignments it may read, their tasks and plans',
    async (_label, group) => {
      const data = ok(
        await api.gql(
          ACTOR_ASSIGNMENTS,
          { assignee: own.orgs.assignee.gid, other: own.orgs.other.gid },
          own.as[group],
        ),
      );
      const name = new Map(Object.entries(world.r).map(([n, record]) => [record.gid, n]));
      const shown = (list: {
        edges: { node: { id: string; task: { id: string; plan: { id: string } } } }[];
      }) =>
        list.edges.map(({ node }) =>
          [node.id, node.task.id, node.task.plan.id].map((id) => name.get(id) ?? id),
        );
      // Each assignment with its task and plan: the relation fields show nothing more.
      const chain: Record<string, string[]> = {
        a1: ['a1', 'T1', 'P'],
        ar: ['ar', 'Tr', 'Pr'],
        ac: ['ac', 'Tc', 'Pc'],
        a2: ['a2', 'T1', 'P'],
        a3: ['a3', 'T2', 'P'],
        ap: ['ap', 'Tp', 'Pp'],
      };
      const expected = (...names: string[]) =>
        names.filter((n) => sees[group].includes(n)).map((n) => chain[n]);
      expect(shown(data.assignee.assignments)).toEqual(expected('a1', 'ar', 'ac'));
      expect(data.assignee.assignments.totalCount).toBe(expected('a1', 'ar', 'ac').length);
      expect(shown(data.other.assignments)).toEqual(expected('a2', 'a3', 'ap'));
      expect(data.other.assignments.totalCount).toBe(expected('a2', 'a3', 'ap').length);
    },
  );
});

const RESPOND = `mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { status } } }`;
const WITHDRAW = `mutation($input: WithdrawAssignmentInput!) { withdrawAssignment(input: $input) { assignment { status } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { assignment { id } } }`;

const assignmentRow = (name: string) => (db: TestApi['db'], world: PlanWorld) =>
  db.query('SELECT * FROM task_assignment WHERE id = $1', [world.r[name].id]);
const assignmentsOf = (task: string) => (db: TestApi['db'], world: PlanWorld) =>
  db.query('SELECT id, status FROM task_assignment WHERE task_id = $1 ORDER BY id', [world.r[task].id]);
const accept = (name: string) => (a: TestApi, w: PlanWorld, headers: Record<string, string>) =>
  a.gql(RESPOND, { input: { assignmentId: w.r[name].gid, response: 'ACCEPT' } }, headers);
const withdraw = (name: string) => (a: TestApi, w: PlanWorld, headers: Record<string, string>) =>
  a.gql(WITHDRAW, { input: { assignmentId: w.r[name].gid, expectedVersion: 1 } }, headers);
const assign = (task: string) => (a: TestApi, w: PlanWorld, headers: Record<string, string>) =>
  a.gql(
    ASSIGN,
    { input: { taskId: w.r[task].gid, actorId: audience.orgs.stranger.gid, role: 'SUPPORT' } },
    headers,
  );

/** Answering is for the assigned organisation (its partners, liaisons and write tokens) and administrators. */
const ANSWER_A1: Record<Group, Outcome> = {
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

const cases: WriteCase[] = [
  {
    name: 'assignTask of T1 (seen by the partner)',
    send: assign('T1'),
    state: assignmentsOf('T1'),
    outcome: EDIT_P,
  },
  {
    name: 'assignTask of T3 (unseen by the partner)',
    send: assign('T3'),
    state: assignmentsOf('T3'),
    outcome: EDIT_P_UNSEEN,
  },
  {
    name: "withdrawAssignment of a1 (the partner's own)",
    send: withdraw('a1'),
    state: assignmentRow('a1'),
    outcome: EDIT_P,
  },
  {
    name: "withdrawAssignment of a2 (another org's)",
    send: withdraw('a2'),
    state: assignmentRow('a2'),
    outcome: EDIT_P_UNSEEN,
  },
  {
    name: 'respondToAssignment to a1 (assigned to the partner)',
    send: accept('a1'),
    state: assignmentRow('a1'),
    outcome: ANSWER_A1,
  },
  {
    name: "respondToAssignment to a2 (another org's)",
    send: accept('a2'),
    state: assignmentRow('a2'),
    outcome: { ...ANSWER_A1, partner: 'NOT_FOUND', writeToken: 'NOT_FOUND' },
  },
];

describe('who assigns and answers', () => {
  it.each(writeRows(cases))('$label', ({ c, group }) => checkWrite(api, audience, c, group));

  it('lets a token with WRITE_ASSIGNMENTS alone answer for its organisation, though it reads nothing', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    const token = await audience.token(audience.orgs.assignee.id, 'PARTNER', ['WRITE_ASSIGNMENTS']);
    expect(ok(await accept('a1')(api, world, token)).respondToAssignment.assignment).toEqual({
      status: 'ACCEPTED',
    });
    const read = ok(
      await api.gql(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        { ids: [world.r.a1.gid, world.r.P.gid] },
        token,
      ),
    );
    expect(read.nodes).toEqual([null, null]);
  });

  it('lets the assigned organisation answer its assignment even in a plan above its clearance', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    expect(ok(await accept('ac')(api, world, audience.as.partner)).respondToAssignment.assignment).toEqual({
      status: 'ACCEPTED',
    });
  });

  it('audits a refused answer', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    expect(errorCode(await accept('a1')(api, world, audience.as.leadLiaison))).toBe('FORBIDDEN');
    const denials = await api.db.query(
      `SELECT action, details->>'actorId' AS "actorId" FROM audit_event WHERE outcome = 'DENIED' AND details->>'actorId' = $1`,
      [audience.orgs.assignee.id],
    );
    expect(denials).toContainEqual({ action: 'assignment.respond', actorId: audience.orgs.assignee.id });
  });
});
