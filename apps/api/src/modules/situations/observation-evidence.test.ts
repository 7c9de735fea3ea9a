import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { indicatorGid } from '../../../test/factories-early-warning';
import { countStatements } from '../../../test/factories-graph';
import { makeObservation, makeSituation } from '../../../test/factories-situations';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
let gid: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  gid = {};
  for (const code of ['1.1', '1.3', '1.10', '9.1', '2.1']) gid[code] = await indicatorGid(api.db, code);
});
afterAll(() => api?.close());

const FIELDS = 'id version reliability indicators { code riskFactor { number } }';
const RECORD = `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { observation { ${FIELDS} } } }`;
const codes = (o: { indicators: { code: string }[] }) => o.indicators.map((i) => i.code);

describe('observations as evidence for indicators, with a graded source', () => {
  it('records the indicators and the reliability, listing indicators by factor and number', async () => {
    const situation = await makeSituation(api.db);
    const observation = ok(
      await api.gql(RECORD, {
        input: {
          situationId: situation.gid,
          occurredOn: '2024-03-01',
          title: 'Militia mobilisation near Yei',
          reliability: 'B',
          indicatorIds: [gid['9.1'], gid['1.10'], gid['1.3']],
        },
      }),
    ).recordObservation.observation;
    expect(observation.reliability).toBe('B');
    expect(codes(observation)).toEqual(['1.3', '1.10', '9.1']);
    expect(observation.indicators[2].riskFactor.number).toBe(9);
  });

  it('replaces the indicators when sent, keeps them when not, clears them with an empty list, bumping the version', async () => {
    const situation = await makeSituation(api.db);
    const created = ok(
      await api.gql(RECORD, {
        input: {
          situationId: situation.gid,
          occurredOn: '2024-03-01',
          title: 'Report',
          indicatorIds: [gid['1.1']],
        },
      }),
    ).recordObservation.observation;
    const replaced = ok(
      await api.gql(UPDATE, {
        input: { id: created.id, expectedVersion: 1, indicatorIds: [gid['1.3'], gid['2.1']] },
      }),
    ).updateObservation.observation;
    expect(replaced).toMatchObject({ version: 2, reliability: null });
    expect(codes(replaced)).toEqual(['1.3', '2.1']);
    const kept = ok(
      await api.gql(UPDATE, { input: { id: created.id, expectedVersion: 2, reliability: 'F' } }),
    ).updateObservation.observation;
    expect(kept.reliability).toBe('F');
    expect(codes(kept)).toEqual(['1.3', '2.1']);
    const cleared = ok(
      await api.gql(UPDATE, {
        input: { id: created.id, expectedVersion: 3, indicatorIds: [], reliability: null },
      }),
    ).updateObservation.observation;
    expect(cleared).toMatchObject({ version: 4, reliability: null, indicators: [] });
  });

  const missing = toGlobalId('RiskIndicator', '00000000-0000-4000-8000-000000000999');
  it.each([
    ['an indicator that does not exist', () => [gid['1.1'], missing], 'NOT_FOUND'],
    [
      'a risk factor id in place of an indicator id',
      () => [toGlobalId('RiskFactor', '00000000-0000-4000-8000-000000000001')],
      'BAD_USER_INPUT',
    ],
    ['the same indicator twice', () => [gid['1.1'], gid['1.1']], 'BAD_USER_INPUT'],
  ])(
    'refuses %s on record and on update, naming indicatorIds, and changes nothing',
    async (_label, ids, code) => {
      const situation = await makeSituation(api.db);
      const res = await api.gql(RECORD, {
        input: {
          situationId: situation.gid,
          occurredOn: '2024-03-01',
          title: 'Refused',
          indicatorIds: ids(),
        },
      });
      expect(errorCode(res)).toBe(code);
      expect(res.errors?.[0].extensions?.field).toBe('indicatorIds');
      const [{ n }] = await api.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM observation WHERE situation_id = $1',
        [situation.id],
      );
      expect(n).toBe(0);

      const existing = await makeObservation(api.db, { situationId: situation.id });
      await api.db.query(
        'INSERT INTO observation_indicator (observation_id, risk_indicator_id) SELECT $1, id FROM risk_indicator WHERE code = $2',
        [existing.id, '1.1'],
      );
      const update = await api.gql(UPDATE, {
        input: { id: existing.gid, expectedVersion: 1, indicatorIds: ids() },
      });
      expect(errorCode(update)).toBe(code);
      const read = ok(
        await api.gql(`query($id: ID!) { node(id: $id) { ... on Observation { ${FIELDS} } } }`, {
          id: existing.gid,
        }),
      ).node;
      expect(read).toMatchObject({ version: 1 });
      expect(codes(read)).toEqual(['1.1']);
    },
  );

  it('reads the indicators of a page of observations in one statement however many there are', async () => {
    const situation = await makeSituation(api.db);
    const LIST = `query($id: ID!) { situation(id: $id) { observations(first: 50) { edges { node { indicators { code } } } } } }`;
    const measure = async () =>
      (await countStatements(api.db, async () => ok(await api.gql(LIST, { id: situation.gid })))).statements;
    const add = async () => {
      const o = await makeObservation(api.db, { situationId: situation.id });
      await api.db.query(
        'INSERT INTO observation_indicator (observation_id, risk_indicator_id) SELECT $1, id FROM risk_indicator WHERE code IN ($2, $3)',
        [o.id, '1.1', '9.1'],
      );
    };
    await add();
    const few = await measure();
    for (let i = 0; i < 5; i++) await add();
    expect(await measure()).toBe(few);
  });
});
