import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAlert } from '../../../test/factories-early-warning';
import { AWKWARD, csvRows, getExport, schemaErrors, standardExample } from '../../../test/factories-exports';
import {
  makeAssignment,
  makeMandatedTask,
  makeObjective,
  makeParticipant,
  makePlan,
  makePlanGraph,
  makeSituation,
  makeTask,
} from '../../../test/factories-plans';
import { toGlobalId } from '../../common/ids';
import { COLUMNS, PAGE_ROWS } from './assignments-csv';
import { csvCell } from './csv';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const auditActions = async (entityId: string) =>
  (
    await api.db.query<{ action: string; userId: string | null }>(
      'SELECT action, user_id AS "userId" FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at',
      [entityId],
    )
  ).map((r) => r.action);

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['', ''],
  ])('writes %j as %j (RFC 4180, formulas neutralised)', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('GET /exports/assignments.csv', () => {
  it('is a 3W table: a header row, the HXL hashtag row, then one row per assignment with awkward text intact', async () => {
    const situation = await makeSituation(api.db, { countryCode: 'SS' });
    const lead = await makeActor(api.db, { name: `Lead ${AWKWARD.comma}` });
    const org = await makeActor(api.db, { name: AWKWARD.rtl, acronym: AWKWARD.quote });
    const plan = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: lead.id,
      title: AWKWARD.newline,
    });
    const mandated = await makeMandatedTask(api.db);
    await api.db.query('UPDATE mandated_task SET kind = $2 WHERE id = $1', [mandated.id, 'CHILD_PROTECTION']);
    const objective = await makeObjective(api.db, plan.id);
    await api.db.query('UPDATE objective SET mandated_task_id = $2 WHERE id = $1', [
      objective.id,
      mandated.id,
    ]);
    const traced = await makeTask(api.db, plan.id, {
      title: AWKWARD.formula,
      objectiveId: objective.id,
      locationName: AWKWARD.emoji,
      dueOn: '2030-02-01',
    });
    const needy = await makeTask(api.db, plan.id, { title: AWKWARD.markup });
    await api.db.query(
      `INSERT INTO task_capability_requirement (task_id, capability, quantity) VALUES ($1, 'MEDIATORS', 1), ($1, 'ANALYSTS', 2)`,
      [needy.id],
    );
    const a1 = await makeAssignment(api.db, traced.id, org.id, { role: 'LEAD', status: 'ACCEPTED' });
    const a2 = await makeAssignment(api.db, needy.id, org.id);

    const res = await getExport(api, `/exports/assignments.csv?planId=${plan.gid}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="concord-3w-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.text.endsWith('\r\n')).toBe(true);
    const [header, hashtags, ...rows] = csvRows(res.text);
    expect(header).toEqual(COLUMNS.map((c) => c.header));
    expect(hashtags).toEqual(COLUMNS.map((c) => c.hxl));
    for (const tag of [
      '#org+impl+name',
      '#org+lead+name',
      '#sector',
      '#activity+name',
      '#adm1+name',
      '#loc+name',
      '#status+assignment',
      '#date+start',
      '#date+end',
      '#meta+id',
    ]) {
      expect(hashtags).toContain(tag);
    }
    expect(hashtags.every((t) => /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(t))).toBe(true);
    const byId = new Map(
      rows.map((r) => [
        r[COLUMNS.findIndex((c) => c.hxl === '#meta+id')],
        Object.fromEntries(COLUMNS.map((c, i) => [c.hxl, r[i]])),
      ]),
    );
    expect([...byId.keys()].sort()).toEqual([a1.gid, a2.gid].sort());
    expect(byId.get(a1.gid)).toMatchObject({
      '#org+impl+name': AWKWARD.rtl,
      '#org+impl+acronym': AWKWARD.quote,
      '#org+impl+role': 'LEAD',
      '#org+lead+name': lead.name,
      '#sector': 'CHILD_PROTECTION',
      '#activity+name': `'${AWKWARD.formula}`,
      '#activity+plan+name': AWKWARD.newline,
      '#country+code': 'SS',
      '#loc+name': AWKWARD.emoji,
      '#status+assignment': 'ACCEPTED',
      '#status+task': 'DRAFT',
      '#date+due': '2030-02-01',
      '#meta+task+id': traced.gid,
      '#meta+plan+id': plan.gid,
    });
    expect(byId.get(a2.gid)).toMatchObject({
      '#sector': 'ANALYSTS MEDIATORS',
      '#activity+name': AWKWARD.markup,
      '#status+assignment': 'PROPOSED',
    });
    expect(await auditActions(plan.id)).toContain('export.assignments');
  });

  it('streams a large export: 5,000 rows arrive, page by page, the first bytes before the last page is read', async () => {
    const { planIds } = await makePlanGraph(api.db, { plans: 1, tasks: 50, assignments: 100 });
    const pages: number[] = [];
    const query = api.db.query.bind(api.db);
    api.db.query = (async (text: string, params?: unknown[]) => {
      if (text.includes('export:assignments')) pages.push(performance.now());
      return query(text, params);
    }) as typeof api.db.query;
    try {
      const response = await fetch(
        api.url.replace(
          /\/graphql$/,
          `/exports/assignments.csv?planId=${toGlobalId('ResponsePlan', planIds[0])}`,
        ),
        {
          headers: { cookie: api.adminCookie },
        },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      expect(response.headers.get('content-length')).toBeNull();
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      let firstBytesAt = 0;
      let chunks = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!chunks++) firstBytesAt = performance.now();
        text += decoder.decode(value, { stream: true });
      }
      expect(csvRows(text)).toHaveLength(5_000 + 2);
      expect(pages.length).toBe(Math.floor(5_000 / PAGE_ROWS) + 1);
      expect(firstBytesAt).toBeLessThan(pages[pages.length - 1]);
      expect(chunks).toBeGreaterThan(1);
    } finally {
      api.db.query = query;
    }
  });

  it.each([
    ['a malformed plan id', '/exports/assignments.csv?planId=nope', 400],
    [
      'the id of something else',
      `/exports/assignments.csv?planId=${toGlobalId('Task', '00000000-0000-4000-8000-000000000000')}`,
      400,
    ],
    [
      'a plan that does not exist',
      `/exports/assignments.csv?planId=${toGlobalId('ResponsePlan', '00000000-0000-4000-8000-000000000000')}`,
      404,
    ],
    ['an export that does not exist', '/exports/unknown.csv', 404],
  ])('answers %s with %s', async (_, path, status) => {
    const res = await getExport(api, path);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe(
      status === 400 ? 'BAD_USER_INPUT' : 'NOT_FOUND',
    );
  });
});

describe('GET /exports/alerts/<id>.xml (CAP 1.2)', () => {
  it('checks the schema validation itself on the specification example', async () => {
    expect(await schemaErrors(await standardExample('cap'), 'cap')).toEqual([]);
    expect(
      (
        await schemaErrors(
          '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>',
          'cap',
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it.each(['PUBLIC', 'RESTRICTED', 'PRIVATE'] as const)(
    'a %s alert is a valid CAP 1.2 message with our values mapped to CAP',
    async (scope) => {
      const situation = await makeSituation(api.db, { countryCode: 'SS' });
      const sender = await makeActor(api.db, { name: AWKWARD.comma });
      const recipient = await makeActor(api.db);
      const alert = await makeAlert(api.db, {
        situationId: situation.id,
        senderActorId: sender.id,
        state: 'ISSUED',
        scope,
        issuedAt: '2031-03-04T05:06:07.891Z',
        headline: AWKWARD.markup,
        recipients: [{ actorId: recipient.id }],
      });
      await api.db.query(
        `UPDATE alert SET description = $2, instruction = $3, status = 'EXERCISE' WHERE id = $1`,
        [alert.id, AWKWARD.rtl, AWKWARD.emoji],
      );
      const res = await getExport(api, `/exports/alerts/${alert.gid}.xml`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/cap+xml; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="alert-${alert.id}.cap.xml"`);
      expect(await schemaErrors(res.text, 'cap')).toEqual([]);
      expect(res.text).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
      expect(res.text).toContain(`<sender>urn:concord:actor:${sender.id}</sender>`);
      expect(res.text).toContain('<sent>2031-03-04T05:06:07-00:00</sent>');
      expect(res.text).toContain('<status>Exercise</status><msgType>Alert</msgType>');
      expect(res.text).toContain(`<scope>${scope.charAt(0)}${scope.slice(1).toLowerCase()}</scope>`);
      expect(res.text).toContain('<category>Safety</category><category>Security</category>');
      expect(res.text).toContain(
        '<urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>',
      );
      expect(res.text).toContain(`<senderName>${AWKWARD.comma}</senderName>`);
      expect(res.text).toContain('<headline>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;/alert&gt;</headline>');
      expect(res.text).toContain(
        `<description>${AWKWARD.rtl}</description><instruction>${AWKWARD.emoji.replace('&', '&amp;')}</instruction>`,
      );
      expect(res.text).toContain('<value>SS</value>');
      expect(res.text.includes('<restriction>')).toBe(scope === 'RESTRICTED');
      expect(res.text.includes(`<addresses>urn:concord:actor:${recipient.id}</addresses>`)).toBe(
        scope !== 'PUBLIC',
      );
      expect(await auditActions(alert.id)).toContain('export.alert');
    },
  );

  it('gives no geocode for an area whose code is not a country (the exercise XA)', async () => {
    const situation = await makeSituation(api.db, { countryCode: 'XA' });
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: (await makeActor(api.db)).id,
    });
    const res = await getExport(api, `/exports/alerts/${alert.gid}.xml`);
    expect(await schemaErrors(res.text, 'cap')).toEqual([]);
    expect(res.text).not.toContain('<geocode>');
    expect(res.text).toContain('<areaDesc>Jonglei (SS)</areaDesc>');
  });

  it('answers a path without .xml as missing', async () => {
    const situation = await makeSituation(api.db);
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: (await makeActor(api.db)).id,
    });
    expect((await getExport(api, `/exports/alerts/${alert.gid}`)).status).toBe(404);
  });
});

describe('GET /exports/plans/<id>.iati.xml (IATI 2.03)', () => {
  it('checks the schema validation itself on the schema example', async () => {
    expect(
      await schemaErrors((await standardExample('iati')).replace('version="xx"', 'version="2.03"'), 'iati'),
    ).toEqual([]);
    expect(
      (await schemaErrors('<iati-activities version="2.03"><iati-activity/></iati-activities>', 'iati'))
        .length,
    ).toBeGreaterThan(0);
  });

  it('a plan in a real country is a valid activity with its participants, status, dates, country and sector', async () => {
    const situation = await makeSituation(api.db, { countryCode: 'SS' });
    const lead = await makeActor(api.db, { kind: 'UN_PEACE_OPERATION', name: AWKWARD.markup });
    const contributor = await makeActor(api.db, { kind: 'CIVIL_SOCIETY' });
    const assignee = await makeActor(api.db, { kind: 'MEMBER_STATE' });
    const plan = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: lead.id,
      title: AWKWARD.emoji,
      summary: AWKWARD.rtl,
      status: 'ACTIVE',
    });
    await api.db.query(
      `UPDATE response_plan SET starts_on = '2031-01-01', ends_on = '2031-12-31' WHERE id = $1`,
      [plan.id],
    );
    await makeParticipant(api.db, plan.id, contributor.id, 'CONTRIBUTOR');
    await makeObjective(api.db, plan.id, { title: 'Protect civilians in Bor' });
    const task = await makeTask(api.db, plan.id);
    await makeAssignment(api.db, task.id, assignee.id, { status: 'ACCEPTED' });
    const res = await getExport(api, `/exports/plans/${plan.gid}.iati.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="plan-${plan.id}.iati.xml"`);
    expect(await schemaErrors(res.text, 'iati')).toEqual([]);
    expect(res.text).toMatch(/<iati-activities version="2\.03" generated-datetime="[^"]+Z">/);
    expect(res.text.match(/<iati-activity[ >]/g)).toHaveLength(1);
    expect(res.text).toContain(`<iati-identifier>CONCORD-ACTOR-${lead.id}-${plan.id}</iati-identifier>`);
    expect(res.text).toContain(
      `<reporting-org ref="CONCORD-ACTOR-${lead.id}" type="40"><narrative>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;/alert&gt;</narrative></reporting-org>`,
    );
    expect(res.text).toContain(
      `<title><narrative>${AWKWARD.emoji.replace('&', '&amp;')}</narrative></title>`,
    );
    expect(res.text).toContain(`<description type="1"><narrative>${AWKWARD.rtl}</narrative></description>`);
    expect(res.text).toContain(
      '<description type="2"><narrative>Protect civilians in Bor</narrative></description>',
    );
    expect(res.text).toContain(`<participating-org ref="CONCORD-ACTOR-${lead.id}" type="40" role="2">`);
    expect(res.text).toContain(
      `<participating-org ref="CONCORD-ACTOR-${contributor.id}" type="21" role="4">`,
    );
    expect(res.text).toContain(`<participating-org ref="CONCORD-ACTOR-${assignee.id}" type="10" role="4">`);
    expect(res.text).toContain('<activity-status code="2"/>');
    expect(res.text).toContain(
      '<activity-date type="1" iso-date="2031-01-01"/><activity-date type="3" iso-date="2031-12-31"/>',
    );
    expect(res.text).toContain('<recipient-country code="SS" percentage="100"/>');
    expect(res.text).toContain('<sector vocabulary="1" code="15220" percentage="100">');
    expect(await auditActions(plan.id)).toContain('export.plan');
  });

  it('the exercise area XA is no country: no recipient-country, a description says where; an undated plan gets its creation day', async () => {
    const situation = await makeSituation(api.db, { countryCode: 'XA', name: 'Exercise Northern Lights' });
    await api.db.query('UPDATE situation SET is_exercise = true WHERE id = $1', [situation.id]);
    const plan = await makePlan(api.db, { situationId: situation.id, status: 'DRAFT' });
    const res = await getExport(api, `/exports/plans/${plan.gid}.iati.xml`);
    expect(await schemaErrors(res.text, 'iati')).toEqual([]);
    expect(res.text).not.toContain('<recipient-country');
    expect(res.text).toContain('Area: Exercise Northern Lights (XA, an exercise)');
    expect(res.text).toContain('<activity-status code="1"/>');
    expect(res.text).toMatch(/<activity-date type="1" iso-date="\d{4}-\d{2}-\d{2}"><narrative>/);
  });
});
