import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { ACLED_HEADER, type AcledRecord, acledCsv, acledEvent } from '../../../test/factories-early-warning';
import { makeSituation } from '../../../test/factories-situations';
import { fromGlobalId } from '../../common/ids';
import type { Database } from '../../db/database';
import { createApiServer } from '../../server';
import { importLock, importService } from './import.service';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const JOB =
  'id status format totalRows processedRows importedRows errors { row column message } finishedAt situation { id }';
const IMPORT = `mutation($input: ImportAcledEventsInput!) { importAcledEvents(input: $input) { importJob { ${JOB} } } }`;
const READ_JOB = `query($id: ID!) { importJob(id: $id) { ${JOB} } }`;

type Stored = {
  externalId: string;
  occurredOn: string;
  title: string;
  description: string | null;
  eventType: string;
  locationName: string;
  latitude: number;
  longitude: number;
  fatalities: number;
  sourceKind: string;
  source: string | null;
  classification: string;
  reliability: string | null;
};
const observations = (db: Database, situationId: string) =>
  db.query<Stored>(
    `SELECT external_id AS "externalId", occurred_on AS "occurredOn", title, description, event_type AS "eventType",
       location_name AS "locationName", latitude, longitude, fatalities, source_kind AS "sourceKind", source,
       classification, reliability
     FROM observation WHERE situation_id = $1 ORDER BY external_id`,
    [situationId],
  );

async function importFile(
  situationGid: string,
  csv: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  return api.gql(IMPORT, { input: { situationId: situationGid, csv, ...extra } }, headers);
}

describe('importing an ACLED export', () => {
  it('imports every event of a well-formed file with quoted fields, a byte-order mark and CRLF line ends', async () => {
    const situation = await makeSituation(api.db);
    const notes = 'Gunmen attacked "Lainya" market, looting shops;\nresidents fled, 3 killed.';
    const csv = acledCsv(
      [
        acledEvent('SSD1001', { notes, actor1: 'SPLA-IO, Yei faction', fatalities: '3' }),
        acledEvent('SSD1002', {
          event_date: '16 March 2024',
          event_type: 'battles',
          sub_event_type: 'Armed clash',
          location: 'Kajo-Keji',
          latitude: '3.8489',
          longitude: '31.6573',
          fatalities: '0',
          notes: '',
          source: '',
        }),
      ],
      { eol: '\r\n', bom: true },
    );
    const job = ok(await importFile(situation.gid, csv, { classification: 'RESTRICTED', reliability: 'B' }))
      .importAcledEvents.importJob;
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      format: 'ACLED_CSV',
      totalRows: 2,
      processedRows: 2,
      importedRows: 2,
      errors: [],
      situation: { id: situation.gid },
    });
    expect(job.finishedAt).not.toBeNull();

    const [first, second] = await observations(api.db, situation.id);
    expect(first).toMatchObject({
      externalId: 'SSD1001',
      occurredOn: '2024-03-15',
      title: 'Attack in Yei',
      eventType: 'Violence against civilians',
      locationName: 'Yei',
      latitude: 4.095,
      longitude: 30.678,
      fatalities: 3,
      sourceKind: 'ACLED',
      source: 'Radio Tamazuj',
      classification: 'RESTRICTED',
      reliability: 'B',
    });
    expect(first.description?.startsWith(`${notes}\n\n`)).toBe(true);
    expect(first.description).toContain('actor1: SPLA-IO, Yei faction\n');
    expect(first.description).toContain('admin1: Central Equatoria\n');
    expect(second).toMatchObject({
      externalId: 'SSD1002',
      occurredOn: '2024-03-16',
      title: 'Armed clash in Kajo-Keji',
      eventType: 'Battles',
      fatalities: 0,
      source: null,
    });
    expect(
      second.description?.startsWith('disorder_type: Political violence\nsub_event_type: Armed clash'),
    ).toBe(true);
  });

  it('accepts the codebook columns in any order and case, ignoring columns it does not know', async () => {
    const situation = await makeSituation(api.db);
    const header = [
      'LOCATION',
      'fatalities',
      'event_type',
      'Event_Date',
      'latitude',
      'longitude',
      'country',
      'event_id_cnty',
      'export_note',
    ];
    const csv = `${header.join(',')}\nMalakal,12,Battles,2024-02-02,9.5334,31.6605,South Sudan,SSD2001,internal\n`;
    const job = ok(await importFile(situation.gid, csv)).importAcledEvents.importJob;
    expect(job).toMatchObject({ status: 'SUCCEEDED', importedRows: 1, errors: [] });
    expect((await observations(api.db, situation.id))[0]).toMatchObject({
      externalId: 'SSD2001',
      title: 'Battles in Malakal',
      fatalities: 12,
      classification: 'PARTICIPANTS',
      reliability: null,
      description: 'country: South Sudan',
    });
  });

  it('imports the same events only once: a second import of the file creates nothing, a larger one only the new event', async () => {
    const situation = await makeSituation(api.db);
    const events = [acledEvent('SSD3001'), acledEvent('SSD3002')];
    ok(await importFile(situation.gid, acledCsv(events)));
    const again = ok(await importFile(situation.gid, acledCsv(events))).importAcledEvents.importJob;
    expect(again).toMatchObject({ status: 'SUCCEEDED', totalRows: 2, processedRows: 2, importedRows: 0 });
    const more = ok(await importFile(situation.gid, acledCsv([...events, acledEvent('SSD3003')])))
      .importAcledEvents.importJob;
    expect(more).toMatchObject({ status: 'SUCCEEDED', totalRows: 3, importedRows: 1 });
    expect((await observations(api.db, situation.id)).map((o) => o.externalId)).toEqual([
      'SSD3001',
      'SSD3002',
      'SSD3003',
    ]);

    const elsewhere = await makeSituation(api.db);
    const there = ok(await importFile(elsewhere.gid, acledCsv(events))).importAcledEvents.importJob;
    expect(there.importedRows).toBe(2);
  });

  it('imports nothing from a file with bad rows, and reports every problem by row and column', async () => {
    const situation = await makeSituation(api.db);
    const csv = acledCsv([
      acledEvent('SSD4001'),
      acledEvent('SSD4002', { event_date: '2024-02-30', fatalities: '-1' }),
      acledEvent('SSD4003'),
      acledEvent('SSD4001', { latitude: '95' }),
      acledEvent('', { event_type: 'Skirmish' }),
    ]);
    const job = ok(await importFile(situation.gid, csv)).importAcledEvents.importJob;
    expect(job).toMatchObject({ status: 'FAILED', totalRows: 5, processedRows: 5, importedRows: 0 });
    expect(job.errors).toEqual([
      { row: 3, column: 'event_date', message: 'must be a date such as 2024-03-15 or 15 March 2024' },
      { row: 3, column: 'fatalities', message: 'must be a whole number, 0 or more' },
      { row: 5, column: 'latitude', message: 'must be a number between -90 and 90' },
      { row: 5, column: 'event_id_cnty', message: 'repeats the event of row 2' },
      { row: 6, column: 'event_id_cnty', message: 'is required' },
      {
        row: 6,
        column: 'event_type',
        message:
          'must be one of Battles, Violence against civilians, Explosions/Remote violence, Riots, Protests, Strategic developments',
      },
    ]);
    expect(await observations(api.db, situation.id)).toEqual([]);
    expect(ok(await api.gql(READ_JOB, { id: job.id })).importJob).toEqual(job);
  });

  const one = (overrides: AcledRecord) => acledCsv([acledEvent('SSD5001', overrides)]);
  it.each([
    [
      'a date that is not one',
      one({ event_date: '03/15/2024' }),
      2,
      'event_date',
      'must be a date such as 2024-03-15 or 15 March 2024',
    ],
    [
      'a date in the future',
      one({ event_date: '2999-01-01', year: '2999' }),
      2,
      'event_date',
      'cannot be in the future',
    ],
    ['a year that is not the event’s', one({ year: '2023' }), 2, 'year', 'does not match event_date'],
    ['a missing location', one({ location: '' }), 2, 'location', 'is required'],
    [
      'a longitude out of range',
      one({ longitude: '181' }),
      2,
      'longitude',
      'must be a number between -180 and 180',
    ],
    [
      'a latitude that is not a number',
      one({ latitude: '4,09' }),
      2,
      'latitude',
      'must be a number between -90 and 90',
    ],
    [
      'fractional fatalities',
      one({ fatalities: '2.5' }),
      2,
      'fatalities',
      'must be a whole number, 0 or more',
    ],
    ['a geo precision of 4', one({ geo_precision: '4' }), 2, 'geo_precision', 'must be 1, 2 or 3'],
    [
      'a timestamp that is not one',
      one({ timestamp: 'yesterday' }),
      2,
      'timestamp',
      'must be a Unix time in seconds',
    ],
    [
      'a row with a field too many',
      `${acledCsv([acledEvent('SSD5001')]).trimEnd()},extra\n`,
      2,
      null,
      `has ${ACLED_HEADER.length + 1} fields; the header has ${ACLED_HEADER.length}`,
    ],
    [
      'a header without a required column',
      acledCsv([acledEvent('SSD5001')], { header: ACLED_HEADER.filter((h) => h !== 'fatalities') }),
      1,
      'fatalities',
      'the required column is missing',
    ],
    [
      'a column named twice',
      acledCsv([acledEvent('SSD5001')], { header: [...ACLED_HEADER, 'notes'] }),
      1,
      'notes',
      'the column appears twice',
    ],
    ['an empty file', '', 1, null, 'the file has no header row'],
    [
      'a quote that is never closed',
      `${acledCsv([acledEvent('SSD5001'), acledEvent('SSD5002')])}SSD5003,"2024-03-15,2024\n`,
      4,
      null,
      'the file is not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 4',
    ],
  ])('reports %s by row and column, and imports nothing', async (_label, csv, row, column, message) => {
    const situation = await makeSituation(api.db);
    const job = ok(await importFile(situation.gid, csv)).importAcledEvents.importJob;
    expect(job.status).toBe('FAILED');
    expect(job.importedRows).toBe(0);
    expect(job.errors).toEqual([{ row, column, message }]);
    expect(await observations(api.db, situation.id)).toEqual([]);
  });

  it('numbers rows as a spreadsheet does, even when a quoted field spans lines or a line is blank', async () => {
    const situation = await makeSituation(api.db);
    const good = acledCsv([acledEvent('SSD6001', { notes: 'first line\nsecond line\nthird line' })]);
    const csv = `${good}\n${acledCsv([acledEvent('SSD6002', { fatalities: 'many' })])
      .split('\n')
      .slice(1)
      .join('\n')}`;
    const job = ok(await importFile(situation.gid, csv)).importAcledEvents.importJob;
    expect(job.errors).toEqual([
      { row: 4, column: 'fatalities', message: 'must be a whole number, 0 or more' },
    ]);
    expect(job.totalRows).toBe(2);
  });

  it('refuses a file of more than 20,000 records with a typed error, before recording a job', async () => {
    const situation = await makeSituation(api.db);
    const csv = `event_id_cnty\n${'x\n'.repeat(20_001)}`;
    const res = await importFile(situation.gid, csv);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions).toMatchObject({ field: 'csv', maxRows: 20_000 });
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM import_job WHERE situation_id = $1',
      [situation.id],
    );
    expect(n).toBe(0);
  });

  it('refuses a file over 5 MB with a typed error (on a server whose body limit lets it through)', async () => {
    const server = await createApiServer({ db: api.db, bodyLimitBytes: 8_000_000, log: () => {} });
    const port = await server.listen(0);
    try {
      const situation = await makeSituation(api.db);
      const csv = `event_id_cnty,notes\n${`SSD,${'n'.repeat(1000)}\n`.repeat(5300)}`;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: api.adminCookie },
        body: JSON.stringify({ query: IMPORT, variables: { input: { situationId: situation.gid, csv } } }),
      });
      const body = (await response.json()) as { errors?: { extensions: Record<string, unknown> }[] };
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'csv',
        maxBytes: 5 * 1024 * 1024,
      });
    } finally {
      await server.stop();
    }
  });

  it('shows a poller the progress while the import runs, before anything is committed', async () => {
    const situation = await makeSituation(api.db);
    const events = Array.from({ length: 1_200 }, (_, i) =>
      acledEvent(`SSD7${String(i).padStart(4, '0')}`, { notes: '' }),
    );
    const seen: { processedRows: number; status: string; committed: number }[] = [];
    const original = api.db.query;
    let jobId: string | null = null;
    // After each progress statement, poll as a client would, through GraphQL, while the import waits.
    api.db.query = (async (text: string, params?: unknown[]) => {
      const result = await original.call(api.db, text, params);
      if (text.startsWith('UPDATE import_job SET processed_rows')) {
        jobId = String(params?.[0]);
        const jobs = ok(
          await api.gql(
            `query($id: ID!) { situation(id: $id) { importJobs(first: 1) { edges { node { processedRows status } } } } }`,
            {
              id: situation.gid,
            },
          ),
        ).situation.importJobs.edges;
        const [{ n }] = await original.call(
          api.db,
          'SELECT count(*)::int AS n FROM observation WHERE situation_id = $1',
          [situation.id],
        );
        seen.push({ ...jobs[0].node, committed: n });
      }
      return result;
    }) as Database['query'];
    let job: { status: string; processedRows: number; importedRows: number };
    try {
      job = ok(await importFile(situation.gid, acledCsv(events))).importAcledEvents.importJob;
    } finally {
      api.db.query = original;
    }
    expect(seen).toEqual([
      { processedRows: 500, status: 'RUNNING', committed: 0 },
      { processedRows: 1000, status: 'RUNNING', committed: 0 },
      { processedRows: 1200, status: 'RUNNING', committed: 0 },
    ]);
    expect(jobId).not.toBeNull();
    expect(job).toMatchObject({ status: 'SUCCEEDED', processedRows: 1200, importedRows: 1200 });
    expect((await observations(api.db, situation.id)).length).toBe(1200);
  });
});

describe('who may import and read imports', () => {
  const GROUPS = [
    ['a liaison', 'LIAISON', 'OK'],
    ['a partner', 'PARTNER', 'FORBIDDEN'],
    ['a viewer', 'VIEWER', 'FORBIDDEN'],
  ] as const;

  it.each(GROUPS)('importAcledEvents as %s (%s): %s', async (_label, role, outcome) => {
    const situation = await makeSituation(api.db);
    const who = await signedInAs(api.db, role, (await makeActor(api.db)).id);
    const res = await importFile(
      situation.gid,
      acledCsv([acledEvent('SSD8001')]),
      {},
      { cookie: who.cookie },
    );
    if (outcome === 'OK') expect(ok(res).importAcledEvents.importJob.status).toBe('SUCCEEDED');
    else expect(errorCode(res)).toBe(outcome);
    expect((await observations(api.db, situation.id)).length).toBe(outcome === 'OK' ? 1 : 0);
  });

  it('refuses an anonymous caller', async () => {
    const situation = await makeSituation(api.db);
    expect(
      errorCode(await importFile(situation.gid, acledCsv([acledEvent('SSD8002')]), {}, { cookie: '' })),
    ).toBe('UNAUTHENTICATED');
  });

  it('shows an import to liaisons and administrators, and answers NOT_FOUND or an empty list to others', async () => {
    const situation = await makeSituation(api.db);
    const job = ok(await importFile(situation.gid, acledCsv([acledEvent('SSD8003')]))).importAcledEvents
      .importJob;
    const org = (await makeActor(api.db)).id;
    const LIST = `query($id: ID!) { situation(id: $id) { importJobs(first: 5) { totalCount edges { node { id } } } } }`;
    for (const [role, sees] of [
      ['LIAISON', true],
      ['VIEWER', false],
      ['PARTNER', false],
    ] as const) {
      const who = { cookie: (await signedInAs(api.db, role, org)).cookie };
      const read = await api.gql(READ_JOB, { id: job.id }, who);
      const node = ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: job.id }, who)).node;
      const list = ok(await api.gql(LIST, { id: situation.gid }, who)).situation.importJobs;
      if (sees) {
        expect(ok(read).importJob.id).toBe(job.id);
        expect(node).toEqual({ id: job.id });
        expect(list).toEqual({ totalCount: 1, edges: [{ node: { id: job.id } }] });
      } else {
        expect(errorCode(read)).toBe('NOT_FOUND');
        expect(node).toBeNull();
        expect(list).toEqual({ totalCount: 0, edges: [] });
      }
    }
  });
});

describe('an import cut short by a stopped process', () => {
  const runningJob = async (situationId: string, age: string) => {
    const [job] = await api.db.query<{ id: string }>(
      `INSERT INTO import_job (situation_id, format, total_rows, created_at)
       VALUES ($1, 'ACLED_CSV', 10, now() - $2::interval) RETURNING id`,
      [situationId, age],
    );
    return job.id;
  };
  const statusOf = async (id: string) =>
    (
      await api.db.query<{ status: string; errors: { message: string }[] }>(
        'SELECT status, errors FROM import_job WHERE id = $1',
        [id],
      )
    )[0];

  it('is not taken for one while importAcled is still storing its events: it holds the lock', async () => {
    const situation = await makeSituation(api.db);
    const original = api.db.query;
    let swept: { marked: number; status: string } | null = null;
    // Between two batches, inside the import's transaction: the job looks old enough to the sweep.
    api.db.query = (async (text: string, params?: unknown[]) => {
      if (!swept && text.startsWith('UPDATE import_job SET processed_rows')) {
        const jobId = params?.[0] as string;
        await original.call(
          api.db,
          `UPDATE import_job SET created_at = now() - interval '5 minutes' WHERE id = $1`,
          [jobId],
        );
        const marked = await importService.failInterrupted(api.db);
        swept = { marked, status: (await statusOf(jobId)).status };
      }
      return original.call(api.db, text, params);
    }) as Database['query'];
    try {
      const job = ok(
        await importFile(situation.gid, acledCsv([acledEvent('SSD8101'), acledEvent('SSD8102')])),
      ).importAcledEvents.importJob;
      expect(swept).toEqual({ marked: 0, status: 'RUNNING' });
      expect(job.status).toBe('SUCCEEDED');
      expect((await statusOf(fromGlobalId('ImportJob', job.id))).status).toBe('SUCCEEDED');
    } finally {
      api.db.query = original;
    }
  });

  it('is marked FAILED by the sweep, while an import still holding its lock and a new job are left RUNNING', async () => {
    const situation = await makeSituation(api.db);
    const interrupted = await runningJob(situation.id, '5 minutes');
    const stillRunning = await runningJob(situation.id, '5 minutes');
    const justCreated = await runningJob(situation.id, '0 seconds');
    // Another connection holds the lock of a job that is still importing, as importAcled does.
    await api.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${importLock('$1')})`, [stillRunning]);
      expect(await importService.failInterrupted(api.db)).toBeGreaterThanOrEqual(1);
    });
    const failed = await statusOf(interrupted);
    expect(failed.status).toBe('FAILED');
    expect(failed.errors[0].message).toMatch(/interrupted.*nothing was imported/);
    expect((await statusOf(stillRunning)).status).toBe('RUNNING');
    expect((await statusOf(justCreated)).status).toBe('RUNNING');
    // Once its lock is gone, the other one is found too; a second sweep changes nothing more.
    await importService.failInterrupted(api.db);
    expect((await statusOf(stillRunning)).status).toBe('FAILED');
    const again = await importService.failInterrupted(api.db);
    expect((await statusOf(justCreated)).status).toBe('RUNNING');
    expect(again).toBe(0);
  });
});
