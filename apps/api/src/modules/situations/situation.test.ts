import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeAssessment, makeSituation, statementCalls } from '../../../test/factories-situations';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const SITUATIONS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: SituationFilter, $orderBy: SituationOrder) {
  situations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name countryCode status isExercise } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const CREATE = `mutation($input: CreateSituationInput!) {
  createSituation(input: $input) { situation { id name countryCode adminAreas status summary isExercise version } }
}`;
const UPDATE = `mutation($input: UpdateSituationInput!) {
  updateSituation(input: $input) { situation { name countryCode adminAreas status summary isExercise version } }
}`;
const SITUATION = `query($id: ID!) { situation(id: $id) { name countryCode adminAreas status summary isExercise version } }`;
const LATEST = `query($id: ID!) { situation(id: $id) { latestAssessment { id status assessedOn } } }`;

const names = (connection: any) => connection.edges.map((e: any) => e.node.name);
const count = async () => ok(await api.gql(SITUATIONS, { first: 1 })).situations.totalCount;

describe('situations', () => {
  it('creates a situation with defaults and reads it back by id and through node()', async () => {
    const created = ok(
      await api.gql(CREATE, { input: { name: 'South Sudan: Upper Nile', countryCode: 'SS' } }),
    ).createSituation.situation;
    expect(created).toMatchObject({
      name: 'South Sudan: Upper Nile',
      countryCode: 'SS',
      adminAreas: [],
      status: 'WATCH',
      summary: null,
      isExercise: false,
      version: 1,
    });
    expect(ok(await api.gql(SITUATION, { id: created.id })).situation.name).toBe('South Sudan: Upper Nile');
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Situation { countryCode } } }`, {
        id: created.id,
      }),
    ).node;
    expect(node).toEqual({ __typename: 'Situation', id: created.id, countryCode: 'SS' });
  });

  it('keeps every field it is given, including right-to-left text and emoji', async () => {
    const input = {
      name: 'السودان — دارفور 🕊️',
      countryCode: 'SD',
      adminAreas: ['SD-DS', 'شمال دارفور', 'ⵜⴰⵎⴰⵣⵉⵖⵜ 🏔️'],
      status: 'ACTIVE_CRISIS',
      summary: 'עברית ו-العربية side by side 👩🏽‍⚕️',
      isExercise: true,
    };
    const created = ok(await api.gql(CREATE, { input })).createSituation.situation;
    expect(created).toMatchObject(input);
    expect(ok(await api.gql(SITUATION, { id: created.id })).situation).toMatchObject(input);
  });

  it('answers a missing situation with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const missing = Buffer.from('Situation:00000000-0000-4000-8000-000000000999').toString('base64url');
    expect(errorCode(await api.gql(SITUATION, { id: missing }))).toBe('NOT_FOUND');
    const malformed = await api.gql(SITUATION, { id: 'nope' });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0].extensions?.field).toBe('id');
  });

  it('pages by name forwards and backwards without gaps or repeats, and by creation date', async () => {
    const prefix = `Paging ${Date.now()}`;
    for (let i = 0; i < 5; i++) {
      await makeSituation(api.db, {
        name: `${prefix} ${String.fromCharCode(69 - i)}`,
        createdAt: `2025-01-0${i + 1}T00:00:00Z`,
      });
    }
    const filter = { search: prefix };
    const first = ok(await api.gql(SITUATIONS, { first: 2, filter })).situations;
    expect(first.totalCount).toBe(5);
    expect(names(first).map((n: string) => n.slice(-1))).toEqual(['A', 'B']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = ok(
      await api.gql(SITUATIONS, { first: 2, after: first.pageInfo.endCursor, filter }),
    ).situations;
    expect(names(second).map((n: string) => n.slice(-1))).toEqual(['C', 'D']);
    const third = ok(
      await api.gql(SITUATIONS, { first: 2, after: second.pageInfo.endCursor, filter }),
    ).situations;
    expect(names(third).map((n: string) => n.slice(-1))).toEqual(['E']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const back = ok(
      await api.gql(SITUATIONS, { last: 2, before: third.pageInfo.startCursor, filter }),
    ).situations;
    expect(names(back).map((n: string) => n.slice(-1))).toEqual(['C', 'D']);

    const byCreation = ok(
      await api.gql(SITUATIONS, { first: 3, filter, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }),
    ).situations;
    expect(names(byCreation).map((n: string) => n.slice(-1))).toEqual(['E', 'D', 'C']);
    const nextByCreation = ok(
      await api.gql(SITUATIONS, {
        first: 3,
        after: byCreation.pageInfo.endCursor,
        filter,
        orderBy: { field: 'CREATED_AT', direction: 'ASC' },
      }),
    ).situations;
    expect(names(nextByCreation).map((n: string) => n.slice(-1))).toEqual(['B', 'A']);
  });

  it('filters by statuses, country, exercise flag and name, treating % literally', async () => {
    const tag = `Filter ${Date.now()}`;
    await makeSituation(api.db, { name: `${tag} watch SS`, status: 'WATCH', countryCode: 'SS' });
    await makeSituation(api.db, { name: `${tag} crisis CF`, status: 'ACTIVE_CRISIS', countryCode: 'CF' });
    await makeSituation(api.db, {
      name: `${tag} closed CF`,
      status: 'CLOSED',
      countryCode: 'CF',
      isExercise: true,
    });
    const find = async (filter: object) =>
      names(
        ok(await api.gql(SITUATIONS, { first: 10, filter: { search: tag, ...filter } })).situations,
      ).sort();

    expect(await find({ statuses: ['ACTIVE_CRISIS', 'CLOSED'] })).toEqual([
      `${tag} closed CF`,
      `${tag} crisis CF`,
    ]);
    expect(await find({ countryCode: 'SS' })).toEqual([`${tag} watch SS`]);
    expect(await find({ isExercise: true })).toEqual([`${tag} closed CF`]);
    expect(await find({ isExercise: false, countryCode: 'CF' })).toEqual([`${tag} crisis CF`]);
    expect(await find({ search: tag.toUpperCase() })).toHaveLength(3);
    expect(ok(await api.gql(SITUATIONS, { first: 10, filter: { search: '%' } })).situations.totalCount).toBe(
      0,
    );
  });

  it('updates only the fields sent, and refuses a stale version with CONFLICT, changing nothing', async () => {
    const situation = await makeSituation(api.db, { name: 'Before', countryCode: 'CF', summary: 'kept' });
    const updated = ok(
      await api.gql(UPDATE, {
        input: {
          id: situation.gid,
          expectedVersion: 1,
          name: 'After',
          adminAreas: ['CF-HK'],
          status: 'STABILIZING',
        },
      }),
    ).updateSituation.situation;
    expect(updated).toEqual({
      name: 'After',
      countryCode: 'CF',
      adminAreas: ['CF-HK'],
      status: 'STABILIZING',
      summary: 'kept',
      isExercise: false,
      version: 2,
    });

    const stale = await api.gql(UPDATE, { input: { id: situation.gid, expectedVersion: 1, name: 'Lost' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(ok(await api.gql(SITUATION, { id: situation.gid })).situation).toMatchObject({
      name: 'After',
      version: 2,
    });

    const cleared = ok(
      await api.gql(UPDATE, {
        input: { id: situation.gid, expectedVersion: 2, summary: null, adminAreas: null },
      }),
    ).updateSituation.situation;
    expect(cleared).toMatchObject({ summary: null, adminAreas: [], version: 3 });
  });

  const tooManyAreas = Array.from({ length: 101 }, (_, i) => `Area ${i}`);
  it.each([
    ['an empty name', { name: '', countryCode: 'SS' }, 'name'],
    ['a lower-case country code', { name: 'X', countryCode: 'ss' }, 'countryCode'],
    ['a country code that is not ISO 3166-1', { name: 'X', countryCode: 'XX' }, 'countryCode'],
    ['a country name instead of a code', { name: 'X', countryCode: 'Sudan' }, 'countryCode'],
    ['more than 100 admin areas', { name: 'X', countryCode: 'SS', adminAreas: tooManyAreas }, 'adminAreas'],
    [
      'the same admin area twice',
      { name: 'X', countryCode: 'SS', adminAreas: ['SS-NU', 'SS-NU'] },
      'adminAreas',
    ],
    ['an empty admin area', { name: 'X', countryCode: 'SS', adminAreas: [''] }, 'adminAreas'],
    ['a NUL character', { name: 'bad\u0000name', countryCode: 'SS' }, 'name'],
  ])(
    'refuses to create a situation with %s, naming the field, and creates nothing',
    async (_label, input, field) => {
      const before = await count();
      const res = await api.gql(CREATE, { input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count()).toBe(before);
    },
  );

  it('accepts exactly 100 admin areas', async () => {
    const areas = tooManyAreas.slice(0, 100);
    const created = ok(
      await api.gql(CREATE, { input: { name: 'Many areas', countryCode: 'CD', adminAreas: areas } }),
    );
    expect(created.createSituation.situation.adminAreas).toHaveLength(100);
  });

  it.each([
    ['a null name', { name: null }, 'name'],
    ['a null status', { status: null }, 'status'],
    ['a lower-case country code', { countryCode: 'cf' }, 'countryCode'],
    ['more than 100 admin areas', { adminAreas: tooManyAreas }, 'adminAreas'],
    ['a malformed id', { id: 'not-an-id' }, 'id'],
  ])('refuses an update with %s, naming the field, and changes nothing', async (_label, patch, field) => {
    const situation = await makeSituation(api.db, { name: 'Untouched', countryCode: 'ML' });
    const res = await api.gql(UPDATE, { input: { id: situation.gid, expectedVersion: 1, ...patch } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(ok(await api.gql(SITUATION, { id: situation.gid })).situation).toMatchObject({
      name: 'Untouched',
      countryCode: 'ML',
      status: 'WATCH',
      version: 1,
    });
  });
});

describe('Situation.latestAssessment', () => {
  it('prefers the most recent published assessment over a newer draft', async () => {
    const s = await makeSituation(api.db);
    await makeAssessment(api.db, { situationId: s.id, assessedOn: '2024-01-01', status: 'PUBLISHED' });
    const published = await makeAssessment(api.db, {
      situationId: s.id,
      assessedOn: '2024-02-01',
      status: 'PUBLISHED',
    });
    await makeAssessment(api.db, { situationId: s.id, assessedOn: '2024-06-01', status: 'DRAFT' });
    await makeAssessment(api.db, { situationId: s.id, assessedOn: '2024-07-01', status: 'IN_REVIEW' });
    const latest = ok(await api.gql(LATEST, { id: s.gid })).situation.latestAssessment;
    expect(latest).toEqual({ id: published.gid, status: 'PUBLISHED', assessedOn: '2024-02-01' });
  });

  it('breaks a tie on the assessment date by the later creation', async () => {
    const s = await makeSituation(api.db);
    await makeAssessment(api.db, {
      situationId: s.id,
      assessedOn: '2024-05-05',
      status: 'PUBLISHED',
      createdAt: '2024-05-06T10:00:00Z',
    });
    const later = await makeAssessment(api.db, {
      situationId: s.id,
      assessedOn: '2024-05-05',
      status: 'PUBLISHED',
      createdAt: '2024-05-06T11:00:00Z',
    });
    await makeAssessment(api.db, {
      situationId: s.id,
      assessedOn: '2024-05-05',
      status: 'PUBLISHED',
      createdAt: '2024-05-06T09:00:00Z',
    });
    expect(ok(await api.gql(LATEST, { id: s.gid })).situation.latestAssessment.id).toBe(later.gid);
  });

  it('falls back to the most recent assessment of any status when none is published', async () => {
    const s = await makeSituation(api.db);
    await makeAssessment(api.db, { situationId: s.id, assessedOn: '2024-01-01', status: 'SUPERSEDED' });
    const newest = await makeAssessment(api.db, {
      situationId: s.id,
      assessedOn: '2024-03-01',
      status: 'DRAFT',
    });
    await makeAssessment(api.db, { situationId: s.id, assessedOn: '2024-02-01', status: 'IN_REVIEW' });
    expect(ok(await api.gql(LATEST, { id: s.gid })).situation.latestAssessment.id).toBe(newest.gid);
  });

  it('is null for a situation never assessed', async () => {
    const s = await makeSituation(api.db);
    expect(ok(await api.gql(LATEST, { id: s.gid })).situation.latestAssessment).toBeNull();
  });

  it('reads the latest assessment of many situations with one statement', async () => {
    const tag = `Batch ${Date.now()}`;
    const expected = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      const s = await makeSituation(api.db, { name: `${tag} ${i}` });
      await makeAssessment(api.db, { situationId: s.id, assessedOn: '2023-01-01', status: 'PUBLISHED' });
      const latest = await makeAssessment(api.db, {
        situationId: s.id,
        assessedOn: '2023-02-01',
        status: 'PUBLISHED',
      });
      expected.set(`${tag} ${i}`, latest.gid);
    }
    const query = `query($filter: SituationFilter) {
      situations(first: 10, filter: $filter) { edges { node { name latestAssessment { id } } } }
    }`;
    const before = await statementCalls(api.db, 'DISTINCT ON (ra.situation_id)');
    const edges = ok(await api.gql(query, { filter: { search: tag } })).situations.edges;
    const after = await statementCalls(api.db, 'DISTINCT ON (ra.situation_id)');

    expect(edges).toHaveLength(5);
    for (const { node } of edges) expect(node.latestAssessment.id).toBe(expected.get(node.name));
    expect(after - before).toBe(1);
  });
});

describe('Situation.assessments', () => {
  const ASSESSMENTS = `query($id: ID!, $first: Int, $after: String, $orderBy: RiskAssessmentOrder) {
    situation(id: $id) {
      assessments(first: $first, after: $after, orderBy: $orderBy) {
        totalCount
        edges { node { assessedOn situation { id } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

  it('lists assessments newest first, page by page, and oldest first when asked', async () => {
    const s = await makeSituation(api.db);
    const other = await makeSituation(api.db);
    await makeAssessment(api.db, { situationId: other.id, assessedOn: '2024-04-04' });
    for (const day of ['2024-01-10', '2024-03-10', '2024-02-10', '2024-05-10', '2024-04-10']) {
      await makeAssessment(api.db, { situationId: s.id, assessedOn: day });
    }
    const first = ok(await api.gql(ASSESSMENTS, { id: s.gid, first: 2 })).situation.assessments;
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e: any) => e.node.assessedOn)).toEqual(['2024-05-10', '2024-04-10']);
    expect(first.edges[0].node.situation.id).toBe(s.gid);
    const rest = ok(await api.gql(ASSESSMENTS, { id: s.gid, first: 10, after: first.pageInfo.endCursor }))
      .situation.assessments;
    expect(rest.edges.map((e: any) => e.node.assessedOn)).toEqual(['2024-03-10', '2024-02-10', '2024-01-10']);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const oldest = ok(
      await api.gql(ASSESSMENTS, {
        id: s.gid,
        first: 1,
        orderBy: { field: 'ASSESSED_ON', direction: 'ASC' },
      }),
    ).situation.assessments;
    expect(oldest.edges.map((e: any) => e.node.assessedOn)).toEqual(['2024-01-10']);
  });

  it('refuses a page larger than 100', async () => {
    const s = await makeSituation(api.db);
    const res = await api.gql(ASSESSMENTS, { id: s.gid, first: 101 });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('first');
  });
});
