import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  makeObservation,
  makeSituation,
  riskFactorGid,
  rowCounts,
  statementCalls,
} from '../../../test/factories-situations';
import { latestDateOnEarth } from './calendar';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const FIELDS = `id version occurredOn title description eventType locationName latitude longitude fatalities
  sourceKind source situation { id } riskFactor { number }`;
const RECORD = `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { observation { ${FIELDS} } } }`;
const READ = `query($id: ID!) { node(id: $id) { __typename ... on Observation { ${FIELDS} } } }`;
const LIST = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: ObservationFilter, $orderBy: ObservationOrder) {
  situation(id: $id) {
    observations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { title occurredOn } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

const read = async (gid: string) => ok(await api.gql(READ, { id: gid })).node;
const list = async (variables: Record<string, unknown>) =>
  ok(await api.gql(LIST, variables)).situation.observations;
const titles = (connection: any) => connection.edges.map((e: any) => e.node.title);

describe('recordObservation', () => {
  it('records an observation with every field and reads it back through node()', async () => {
    const situation = await makeSituation(api.db, { countryCode: 'SD' });
    const input = {
      situationId: situation.gid,
      occurredOn: '2023-11-04',
      title: 'Attack on a displacement camp',
      description: 'Armed men attacked the camp at dawn.',
      eventType: 'Violence against civilians',
      locationName: 'Ardamata, West Darfur',
      latitude: 13.45,
      longitude: 22.45,
      fatalities: 0,
      sourceKind: 'UN_REPORT',
      source: 'OHCHR press briefing',
      riskFactorId: riskFactorGid(10),
    };
    const recorded = ok(await api.gql(RECORD, { input })).recordObservation.observation;
    const { situationId: _s, riskFactorId: _r, ...fields } = input;
    expect(recorded).toMatchObject({
      ...fields,
      version: 1,
      situation: { id: situation.gid },
      riskFactor: { number: 10 },
    });
    expect(await read(recorded.id)).toEqual({ __typename: 'Observation', ...recorded });
  });

  it('records a minimal observation with defaults', async () => {
    const situation = await makeSituation(api.db);
    const recorded = ok(
      await api.gql(RECORD, {
        input: { situationId: situation.gid, occurredOn: '2024-01-01', title: 'Report' },
      }),
    ).recordObservation.observation;
    expect(recorded).toMatchObject({
      sourceKind: 'OTHER',
      riskFactor: null,
      latitude: null,
      fatalities: null,
    });
  });

  it('accepts today in the easternmost time zone but not the day after', async () => {
    const situation = await makeSituation(api.db);
    const today = latestDateOnEarth();
    const ok1 = await api.gql(RECORD, {
      input: { situationId: situation.gid, occurredOn: today, title: 'Late news' },
    });
    expect(ok(ok1).recordObservation.observation.occurredOn).toBe(today);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const res = await api.gql(RECORD, {
      input: { situationId: situation.gid, occurredOn: tomorrow, title: 'Too early' },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('occurredOn');
  });

  it('keeps right-to-left text and emoji', async () => {
    const situation = await makeSituation(api.db);
    const text = { title: 'هجوم على قرية 🔥', description: 'תיאור בעברית 🕊️', locationName: 'الجنينة' };
    const recorded = ok(
      await api.gql(RECORD, { input: { situationId: situation.gid, occurredOn: '2023-06-15', ...text } }),
    ).recordObservation.observation;
    expect(await read(recorded.id)).toMatchObject(text);
  });

  const missing = (type: string) =>
    Buffer.from(`${type}:00000000-0000-4000-8000-000000000999`).toString('base64url');
  it.each([
    ['a latitude above 90', { latitude: 90.5, longitude: 0 }, 'BAD_USER_INPUT', 'latitude'],
    ['a latitude below -90', { latitude: -91, longitude: 0 }, 'BAD_USER_INPUT', 'latitude'],
    ['a longitude above 180', { latitude: 0, longitude: 180.01 }, 'BAD_USER_INPUT', 'longitude'],
    ['a longitude below -180', { latitude: 0, longitude: -181 }, 'BAD_USER_INPUT', 'longitude'],
    ['a latitude without a longitude', { latitude: 10 }, 'BAD_USER_INPUT', 'longitude'],
    ['a longitude without a latitude', { longitude: 10 }, 'BAD_USER_INPUT', 'latitude'],
    ['negative fatalities', { fatalities: -1 }, 'BAD_USER_INPUT', 'fatalities'],
    ['a date in the future', { occurredOn: '2999-01-01' }, 'BAD_USER_INPUT', 'occurredOn'],
    ['an empty title', { title: '' }, 'BAD_USER_INPUT', 'title'],
    ['an empty event type', { eventType: '' }, 'BAD_USER_INPUT', 'eventType'],
    ['a malformed risk factor id', { riskFactorId: 'nope' }, 'BAD_USER_INPUT', 'riskFactorId'],
    [
      'a risk factor that does not exist',
      { riskFactorId: missing('RiskFactor') },
      'NOT_FOUND',
      'riskFactorId',
    ],
    ['a situation that does not exist', { situationId: missing('Situation') }, 'NOT_FOUND', 'situationId'],
    ['an actor id as the situation', { situationId: missing('Actor') }, 'BAD_USER_INPUT', 'situationId'],
  ])('refuses %s, naming the field, and records nothing', async (_label, patch, code, field) => {
    const situation = await makeSituation(api.db);
    const before = await rowCounts(api.db, ['observation']);
    const res = await api.gql(RECORD, {
      input: { situationId: situation.gid, occurredOn: '2024-01-01', title: 'Report', ...patch },
    });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await rowCounts(api.db, ['observation'])).toEqual(before);
  });
});

describe('updateObservation', () => {
  it('changes only the fields sent, clears with null, and bumps the version', async () => {
    const situation = await makeSituation(api.db);
    const o = await makeObservation(api.db, { situationId: situation.id, riskFactor: 7, fatalities: 3 });
    const updated = ok(
      await api.gql(UPDATE, {
        input: {
          id: o.gid,
          expectedVersion: 1,
          title: 'Corrected',
          latitude: 4.85,
          longitude: 31.6,
          riskFactorId: null,
        },
      }),
    ).updateObservation.observation;
    expect(updated).toMatchObject({
      title: 'Corrected',
      latitude: 4.85,
      longitude: 31.6,
      fatalities: 3,
      riskFactor: null,
      version: 2,
    });
    const relinked = ok(
      await api.gql(UPDATE, {
        input: { id: o.gid, expectedVersion: 2, riskFactorId: riskFactorGid(13), fatalities: null },
      }),
    ).updateObservation.observation;
    expect(relinked).toMatchObject({
      riskFactor: { number: 13 },
      fatalities: null,
      title: 'Corrected',
      version: 3,
    });
  });

  it('refuses a stale version with CONFLICT carrying the current version, and changes nothing', async () => {
    const situation = await makeSituation(api.db);
    const o = await makeObservation(api.db, { situationId: situation.id, title: 'Original' });
    ok(await api.gql(UPDATE, { input: { id: o.gid, expectedVersion: 1, title: 'First edit' } }));
    const stale = await api.gql(UPDATE, { input: { id: o.gid, expectedVersion: 1, title: 'Lost edit' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await read(o.gid)).toMatchObject({ title: 'First edit', version: 2 });
  });

  it.each([
    ['a null title', { title: null }, 'BAD_USER_INPUT', 'title'],
    ['a null date', { occurredOn: null }, 'BAD_USER_INPUT', 'occurredOn'],
    ['a null source kind', { sourceKind: null }, 'BAD_USER_INPUT', 'sourceKind'],
    ['a null classification', { classification: null }, 'BAD_USER_INPUT', 'classification'],
    ['a date in the future', { occurredOn: '2999-01-01' }, 'BAD_USER_INPUT', 'occurredOn'],
    ['a latitude out of range', { latitude: -90.1 }, 'BAD_USER_INPUT', 'latitude'],
    ['removing the longitude of a located observation', { longitude: null }, 'BAD_USER_INPUT', 'longitude'],
    ['negative fatalities', { fatalities: -5 }, 'BAD_USER_INPUT', 'fatalities'],
    ['a risk factor that does not exist', { riskFactorId: riskFactorGid(99) }, 'NOT_FOUND', 'riskFactorId'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, patch, code, field) => {
    const situation = await makeSituation(api.db);
    const o = await makeObservation(api.db, {
      situationId: situation.id,
      title: 'Kept',
      latitude: 1,
      longitude: 2,
    });
    const res = await api.gql(UPDATE, { input: { id: o.gid, expectedVersion: 1, ...patch } });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await read(o.gid)).toMatchObject({ title: 'Kept', latitude: 1, longitude: 2, version: 1 });
  });

  it('answers an observation that does not exist with NOT_FOUND', async () => {
    const id = Buffer.from('Observation:00000000-0000-4000-8000-000000000999').toString('base64url');
    const res = await api.gql(UPDATE, { input: { id, expectedVersion: 1, title: 'x' } });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});

describe('Situation.observations', () => {
  it('lists observations most recent first, page by page in both directions', async () => {
    const situation = await makeSituation(api.db);
    const other = await makeSituation(api.db);
    await makeObservation(api.db, { situationId: other.id, occurredOn: '2024-01-03', title: 'elsewhere' });
    for (const [day, title] of [
      ['2024-01-02', 'B'],
      ['2024-01-05', 'E'],
      ['2024-01-01', 'A'],
      ['2024-01-04', 'D'],
      ['2024-01-03', 'C'],
    ]) {
      await makeObservation(api.db, { situationId: situation.id, occurredOn: day, title });
    }
    const first = await list({ id: situation.gid, first: 2 });
    expect(first.totalCount).toBe(5);
    expect(titles(first)).toEqual(['E', 'D']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await list({ id: situation.gid, first: 2, after: first.pageInfo.endCursor });
    expect(titles(second)).toEqual(['C', 'B']);
    const third = await list({ id: situation.gid, first: 2, after: second.pageInfo.endCursor });
    expect(titles(third)).toEqual(['A']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const back = await list({ id: situation.gid, last: 2, before: third.pageInfo.startCursor });
    expect(titles(back)).toEqual(['C', 'B']);
    const oldest = await list({
      id: situation.gid,
      first: 2,
      orderBy: { field: 'OCCURRED_ON', direction: 'ASC' },
    });
    expect(titles(oldest)).toEqual(['A', 'B']);
  });

  it('filters by date range and by risk factor number', async () => {
    const situation = await makeSituation(api.db);
    await makeObservation(api.db, {
      situationId: situation.id,
      occurredOn: '2024-02-01',
      title: 'Feb RF9',
      riskFactor: 9,
    });
    await makeObservation(api.db, {
      situationId: situation.id,
      occurredOn: '2024-03-01',
      title: 'Mar RF9',
      riskFactor: 9,
    });
    await makeObservation(api.db, {
      situationId: situation.id,
      occurredOn: '2024-03-15',
      title: 'Mar RF1',
      riskFactor: 1,
    });
    await makeObservation(api.db, { situationId: situation.id, occurredOn: '2024-04-01', title: 'Apr none' });

    const range = await list({ id: situation.gid, filter: { from: '2024-03-01', to: '2024-03-31' } });
    expect(titles(range)).toEqual(['Mar RF1', 'Mar RF9']);
    expect(range.totalCount).toBe(2);
    expect(titles(await list({ id: situation.gid, filter: { riskFactorNumber: 9 } }))).toEqual([
      'Mar RF9',
      'Feb RF9',
    ]);
    expect(
      titles(await list({ id: situation.gid, filter: { from: '2024-03-01', riskFactorNumber: 9 } })),
    ).toEqual(['Mar RF9']);
    expect(titles(await list({ id: situation.gid, filter: { to: '2024-02-28' } }))).toEqual(['Feb RF9']);
  });

  it.each([
    ['a range that ends before it starts', { filter: { from: '2024-03-02', to: '2024-03-01' } }, 'filter.to'],
    ['a risk factor number above 14', { filter: { riskFactorNumber: 15 } }, 'riskFactorNumber'],
    ['a page larger than 100', { first: 101 }, 'first'],
  ])('refuses %s', async (_label, variables, field) => {
    const situation = await makeSituation(api.db);
    const res = await api.gql(LIST, { id: situation.gid, ...variables });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
  });

  it('reads the observations of many situations with one statement', async () => {
    const tag = `Evidence ${Date.now()}`;
    for (let i = 0; i < 5; i++) {
      const situation = await makeSituation(api.db, { name: `${tag} ${i}` });
      await makeObservation(api.db, { situationId: situation.id, title: `${tag} obs ${i}` });
    }
    const query = `query($filter: SituationFilter) {
      situations(first: 10, filter: $filter) { edges { node { name observations(first: 5) { edges { node { title situation { name } } } } } } }
    }`;
    const before = await statementCalls(api.db, 'FROM observation ob');
    const edges = ok(await api.gql(query, { filter: { search: tag } })).situations.edges;
    const after = await statementCalls(api.db, 'FROM observation ob');
    expect(edges).toHaveLength(5);
    for (const { node } of edges) {
      expect(node.observations.edges.map((e: any) => e.node.situation.name)).toEqual([node.name]);
    }
    expect(after - before).toBe(1);
  });
});
