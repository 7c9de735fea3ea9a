import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestApi, type TestApi } from '../../../test/api';
import { actorId } from './actors';
import { seedDemoData } from './index';

let api: TestApi;
let firstCounts: Record<string, number>;
let firstRunMs: number;

const TABLES = [
  'actor',
  'partnership',
  'mandate',
  'mandated_task',
  'capability_pledge',
  'situation',
  'risk_assessment',
  'risk_factor_score',
  'observation',
  'response_plan',
  'plan_participant',
  'phase',
  'objective',
  'objective_risk_factor',
  'task',
  'task_dependency',
  'task_capability_requirement',
  'task_assignment',
];

async function tableTotals(): Promise<Record<string, number>> {
  const [row] = await api.db.query<Record<string, number>>(
    `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`,
  );
  return row;
}

const PLAN = 'Exercise — Northern Lakes protection and prevention plan';

beforeAll(async () => {
  api = await startTestApi();
  const started = performance.now();
  firstCounts = await seedDemoData(api.db);
  firstRunMs = performance.now() - started;
});
afterAll(() => api?.close());

describe('demo data', () => {
  it('loads quickly and reports how many rows each table received', () => {
    expect(firstRunMs).toBeLessThan(2000);
    expect(firstCounts.actors).toBeGreaterThanOrEqual(40);
    expect(firstCounts.partnerships).toBeGreaterThanOrEqual(40);
    expect(firstCounts.riskFactorScores).toBe(14);
    expect(firstCounts.tasks).toBeGreaterThanOrEqual(25);
    expect(Object.values(firstCounts).every((n) => n > 0)).toBe(true);
  });

  it('changes nothing when it runs a second time', async () => {
    const before = await tableTotals();
    const updatedBefore = await api.db.query(
      `SELECT id, version, updated_at FROM task_assignment ORDER BY id`,
    );
    expect(await seedDemoData(api.db)).toEqual(firstCounts);
    expect(await tableTotals()).toEqual(before);
    expect(await api.db.query(`SELECT id, version, updated_at FROM task_assignment ORDER BY id`)).toEqual(
      updatedBefore,
    );
  });

  it('finds UNMISS through the GraphQL actors search', async () => {
    const data = ok(
      await api.gql(
        `{ actors(filter: {search: "UNMISS"}, first: 1) { edges { node { name acronym kind } } } }`,
      ),
    );
    expect(data.actors.edges).toEqual([
      {
        node: {
          name: 'United Nations Mission in the Republic of South Sudan',
          acronym: 'UNMISS',
          kind: 'UN_PEACE_OPERATION',
        },
      },
    ]);
  });

  it('gives UNMISS its establishing mandate and South Sudan as host since independence', async () => {
    const [mandate] = await api.db.query(
      `SELECT m.symbol, m.adopted_on::text, m.chapter_vii, m.troop_ceiling, m.police_ceiling, a.acronym AS authorised_by
         FROM mandate m JOIN actor mission ON mission.id = m.mission_actor_id JOIN actor a ON a.id = m.authorizing_actor_id
        WHERE mission.acronym = 'UNMISS'`,
    );
    expect(mandate).toEqual({
      symbol: 'S/RES/1996 (2011)',
      adopted_on: '2011-07-08',
      chapter_vii: true,
      troop_ceiling: 7000,
      police_ceiling: 900,
      authorised_by: 'UNSC',
    });
    const hosts = await api.db.query(
      `SELECT s.name, p.status, p.valid_from::text FROM partnership p
         JOIN actor s ON s.id = p.source_id JOIN actor t ON t.id = p.target_id
        WHERE p.kind = 'HOSTS' AND t.acronym = 'UNMISS'`,
    );
    expect(hosts).toEqual([{ name: 'South Sudan', status: 'ACTIVE', valid_from: '2011-07-09' }]);
  });

  it('ends the MINUSMA relationships with the mission on 31 December 2023', async () => {
    const edges = await api.db.query<{ status: string; valid_to: string }>(
      `SELECT p.status, p.valid_to::text FROM partnership p JOIN actor t ON t.id = p.target_id WHERE t.acronym = 'MINUSMA'`,
    );
    expect(edges.length).toBeGreaterThan(3);
    expect(new Set(edges.map((e) => `${e.status} ${e.valid_to}`))).toEqual(new Set(['EXPIRED 2023-12-31']));
  });

  it('marks the scenario as a fictional exercise scored on all 14 risk factors', async () => {
    const [situation] = await api.db.query(
      `SELECT s.name, s.country_code, s.is_exercise, a.status,
              (SELECT array_agg(f.number ORDER BY f.number) FROM risk_factor_score sc JOIN risk_factor f ON f.id = sc.risk_factor_id
                WHERE sc.assessment_id = a.id) AS factors
         FROM situation s JOIN risk_assessment a ON a.situation_id = s.id WHERE s.is_exercise`,
    );
    expect(situation).toMatchObject({ country_code: 'XA', is_exercise: true, status: 'PUBLISHED' });
    expect(situation.name).toMatch(/^Exercise — /);
    expect(situation.factors).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('holds assignments in every handshake state in the exercise plan', async () => {
    const rows = await api.db.query<{ status: string; n: number; overdue: number; future: number }>(
      `SELECT ta.status, count(*)::int AS n,
              count(*) FILTER (WHERE ta.respond_by < now())::int AS overdue,
              count(*) FILTER (WHERE ta.respond_by > now())::int AS future
         FROM task_assignment ta JOIN task t ON t.id = ta.task_id JOIN response_plan p ON p.id = t.plan_id
        WHERE p.title = $1 GROUP BY ta.status`,
      [PLAN],
    );
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    expect([...byStatus.keys()].sort()).toEqual([
      'ACCEPTED',
      'COUNTER_PROPOSED',
      'DECLINED',
      'PROPOSED',
      'WITHDRAWN',
    ]);
    expect(byStatus.get('PROPOSED')).toMatchObject({ overdue: 1 });
    expect(byStatus.get('PROPOSED')!.future).toBeGreaterThan(3);
  });

  it('keeps the exercise consistent with the handshake rules of the workspace', async () => {
    const [row] = await api.db.query<{
      agreed_but_open: number;
      outsiders: number;
      unanswered_counters: number;
    }>(
      `SELECT
         count(*) FILTER (WHERE ta.role = 'LEAD' AND ta.status = 'ACCEPTED' AND t.status IN ('DRAFT', 'PROPOSED'))::int
           AS agreed_but_open,
         count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM plan_participant pp
                                             WHERE pp.plan_id = p.id AND pp.actor_id = ta.actor_id))::int AS outsiders,
         count(*) FILTER (WHERE ta.status = 'COUNTER_PROPOSED' AND ta.proposed_due_on IS NULL)::int AS unanswered_counters
         FROM task_assignment ta JOIN task t ON t.id = ta.task_id JOIN response_plan p ON p.id = t.plan_id
        WHERE p.title = $1`,
      [PLAN],
    );
    expect(row).toEqual({ agreed_but_open: 0, outsiders: 0, unanswered_counters: 0 });
  });

  it('gives IGAD several proposals still waiting for its answer', async () => {
    const [row] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM task_assignment ta JOIN actor a ON a.id = ta.actor_id
        WHERE a.acronym = 'IGAD' AND ta.status = 'PROPOSED' AND ta.respond_by > now()`,
    );
    expect(row.n).toBeGreaterThanOrEqual(3);
  });

  it('links objectives to risk factors and to real mandated tasks', async () => {
    const rows = await api.db.query<{ title: string; factors: number; paragraph_ref: string | null }>(
      `SELECT o.title, (SELECT count(*) FROM objective_risk_factor orf WHERE orf.objective_id = o.id)::int AS factors,
              mt.paragraph_ref
         FROM objective o JOIN response_plan p ON p.id = o.plan_id LEFT JOIN mandated_task mt ON mt.id = o.mandated_task_id
        WHERE p.title = $1`,
      [PLAN],
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.every((r) => r.factors > 0)).toBe(true);
    expect(rows.filter((r) => r.paragraph_ref).length).toBeGreaterThanOrEqual(3);
  });
});

describe('demo data without the risk factors', () => {
  it('refuses to load anything and names the missing factors', async () => {
    const bare = await startTestApi();
    try {
      await bare.db.query('DELETE FROM risk_factor WHERE number IN (13, 14)');
      await expect(seedDemoData(bare.db)).rejects.toThrow(/risk_factor lacks number\(s\) 13, 14/);
      const rows = await bare.db.query('SELECT id FROM actor WHERE id = $1', [actorId('UNMISS')]);
      expect(rows).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
