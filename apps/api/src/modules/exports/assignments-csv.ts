import type { Response } from 'express';
import { toGlobalId } from '../../common/ids';
import { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { assignmentReadable } from '../../common/visibility';
import type { Queryable } from '../../db/database';
import { csvRecord } from './csv';
import { writeChunk } from './http';

type AssignmentLine = {
  id: string;
  role: string;
  status: string;
  respondedAt: Date | null;
  taskId: string;
  taskTitle: string;
  taskStatus: string;
  dueOn: string | null;
  locationName: string | null;
  planId: string;
  planTitle: string;
  startsOn: string | null;
  endsOn: string | null;
  orgName: string;
  orgAcronym: string | null;
  orgKind: string;
  leadName: string;
  countryCode: string;
  adminAreas: string[];
  sector: string | null;
};

/**
 * The columns of the 3W ("who does what where") table: a human header and its HXL hashtag
 * (https://hxlstandard.org), so that humanitarian tools (HDX, HXL Proxy) read it as it is.
 */
export const COLUMNS: readonly {
  header: string;
  hxl: string;
  value: (r: AssignmentLine) => string | null;
}[] = [
  { header: 'Organisation', hxl: '#org+impl+name', value: (r) => r.orgName },
  { header: 'Organisation acronym', hxl: '#org+impl+acronym', value: (r) => r.orgAcronym },
  { header: 'Organisation type', hxl: '#org+impl+type', value: (r) => r.orgKind },
  { header: 'Role in the task', hxl: '#org+impl+role', value: (r) => r.role },
  { header: 'Lead organisation of the plan', hxl: '#org+lead+name', value: (r) => r.leadName },
  { header: 'Sector', hxl: '#sector', value: (r) => r.sector },
  { header: 'Activity', hxl: '#activity+name', value: (r) => r.taskTitle },
  { header: 'Plan', hxl: '#activity+plan+name', value: (r) => r.planTitle },
  { header: 'Country code', hxl: '#country+code', value: (r) => r.countryCode },
  { header: 'Administrative areas', hxl: '#adm1+name', value: (r) => r.adminAreas.join('; ') || null },
  { header: 'Location', hxl: '#loc+name', value: (r) => r.locationName },
  { header: 'Assignment status', hxl: '#status+assignment', value: (r) => r.status },
  { header: 'Task status', hxl: '#status+task', value: (r) => r.taskStatus },
  { header: 'Plan start', hxl: '#date+start', value: (r) => r.startsOn },
  { header: 'Plan end', hxl: '#date+end', value: (r) => r.endsOn },
  { header: 'Task due', hxl: '#date+due', value: (r) => r.dueOn },
  { header: 'Answered at', hxl: '#date+responded', value: (r) => r.respondedAt?.toISOString() ?? null },
  { header: 'Assignment ID', hxl: '#meta+id', value: (r) => toGlobalId('TaskAssignment', r.id) },
  { header: 'Task ID', hxl: '#meta+task+id', value: (r) => toGlobalId('Task', r.taskId) },
  { header: 'Plan ID', hxl: '#meta+plan+id', value: (r) => toGlobalId('ResponsePlan', r.planId) },
];

/** Rows per statement: a page is written out before the next one is read. */
export const PAGE_ROWS = 500;

export type AssignmentExportFilter = { planId: string | null; actorId: string | null };

/**
 * One page of the assignments the viewer reads (the rule of every GraphQL read of assignments),
 * after `afterId`, through the primary key. The sector is the kind of the mandated task the task's
 * objective traces to, else the capabilities the task requires.
 */
function readPage(db: Queryable, viewer: Viewer, filter: AssignmentExportFilter, afterId: string | null) {
  const q = new Sql();
  q.and(assignmentReadable(q, viewer, 'ta'));
  if (filter.planId) q.and(`t.plan_id = ${q.p(filter.planId)}::uuid`);
  if (filter.actorId) q.and(`ta.actor_id = ${q.p(filter.actorId)}::uuid`);
  if (afterId) q.and(`ta.id > ${q.p(afterId)}::uuid`);
  return db.query<AssignmentLine>(
    `/* export:assignments */
     SELECT ta.id, ta.role, ta.status, ta.responded_at AS "respondedAt",
       t.id AS "taskId", t.title AS "taskTitle", t.status AS "taskStatus", t.due_on::text AS "dueOn",
       t.location_name AS "locationName",
       p.id AS "planId", p.title AS "planTitle", p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn",
       a.name AS "orgName", a.acronym AS "orgAcronym", a.kind AS "orgKind", la.name AS "leadName",
       s.country_code AS "countryCode", s.admin_areas AS "adminAreas",
       COALESCE(mt.kind::text, (SELECT string_agg(r.capability::text, ' ' ORDER BY r.capability::text)
         FROM task_capability_requirement r WHERE r.task_id = t.id)) AS sector
     FROM task_assignment ta
     JOIN task t ON t.id = ta.task_id
     JOIN response_plan p ON p.id = t.plan_id
     JOIN situation s ON s.id = p.situation_id
     JOIN actor a ON a.id = ta.actor_id
     JOIN actor la ON la.id = p.lead_actor_id
     LEFT JOIN objective o ON o.id = t.objective_id
     LEFT JOIN mandated_task mt ON mt.id = o.mandated_task_id
     ${q.whereClause()}
     ORDER BY ta.id LIMIT ${PAGE_ROWS}`,
    q.params,
  );
}

/** Writes the header, the hashtag row and then every row, page by page. Returns the number of rows. */
export async function streamAssignments(
  db: Queryable,
  viewer: Viewer,
  filter: AssignmentExportFilter,
  res: Response,
): Promise<number> {
  await writeChunk(res, csvRecord(COLUMNS.map((c) => c.header)) + csvRecord(COLUMNS.map((c) => c.hxl)));
  let count = 0;
  let afterId: string | null = null;
  for (;;) {
    const rows = await readPage(db, viewer, filter, afterId);
    if (rows.length) {
      await writeChunk(res, rows.map((r) => csvRecord(COLUMNS.map((c) => c.value(r)))).join(''));
      count += rows.length;
      afterId = rows[rows.length - 1].id;
    }
    if (rows.length < PAGE_ROWS) return count;
  }
}
