import { type Classification, classificationRank, clearance } from '@concord/shared';
import { actorIdsWith, isAdmin } from './authz';
import type { Sql } from './sql';
import type { Viewer } from './viewer';

/**
 * Who may read what, as SQL predicates: every list, count, loader and node(id) applies them in the
 * statement that reads the rows, so a record outside the viewer's reach is absent by every path
 * (root fields, node, nested edges, totalCount) — exactly as a missing one.
 *
 * Rules (README "Access"):
 * - PUBLIC records: everyone who may read the graph.
 * - A plan: members of an organisation taking part in it, up to their clearance (VIEWER →
 *   PARTICIPANTS, LIAISON → RESTRICTED); CONFIDENTIAL only to the lead organisation's liaisons.
 * - A PARTNER sees a plan only through its organisation's assignments: the plan (up to
 *   PARTICIPANTS), the tasks assigned to it and its own assignments — nothing else.
 * - Assessments and observations of a situation: like a plan of that situation, and the author
 *   organisation (whose liaisons, like a lead's, also read it when CONFIDENTIAL); tokens need
 *   READ_ASSESSMENTS.
 * - Administrators see everything.
 */

const NONE = 'FALSE';

/**
 * Tokens read the graph only with READ_GRAPH; assessments only with READ_ASSESSMENTS. Nobody
 * signed in reads only the public registry (README "Access"), never a plan, even a PUBLIC one.
 */
function mayRead(viewer: Viewer, what: 'graph' | 'assessments'): boolean {
  if (viewer.kind === 'anonymous') return false;
  if (!viewer.scopes) return true;
  return viewer.scopes.includes(what === 'graph' ? 'READ_GRAPH' : 'READ_ASSESSMENTS');
}

const officers = (v: Viewer) => actorIdsWith(v, ['LIAISON']);
const readers = (v: Viewer) => actorIdsWith(v, ['VIEWER']);
const partners = (v: Viewer) => actorIdsWith(v, ['PARTNER']);

/**
 * The end of a per-row participation probe. A page or a lookup reads a few rows, each checked by
 * one index probe of plan_participant; left alone, PostgreSQL turns the EXISTS into a hashed
 * subplan (every plan the organisation takes part in, hashed on every execution: 1.4 ms for a page
 * of 6 plans on dataset M instead of 0.1 ms). `OFFSET 0` keeps the subquery a probe. A count reads
 * every row, and there the hash is the cheaper plan, so it is left to the planner.
 */
const probe = (q: Sql) => (q.wholeSet ? '' : ' OFFSET 0');

/** A plan readable as a member of a taking-part organisation (not merely through assignments). */
export function planReadableAsMember(q: Sql, viewer: Viewer, plan: string): string {
  if (isAdmin(viewer)) return 'TRUE';
  if (!mayRead(viewer, 'graph')) return NONE;
  const clauses = [`${plan}.classification = 'PUBLIC'`];
  const o = officers(viewer);
  const r = readers(viewer);
  if (o.length) {
    const isOfficer = q.oneOf(o);
    clauses.push(
      `(${plan}.classification <= 'RESTRICTED' AND EXISTS (SELECT 1 FROM plan_participant vp WHERE vp.plan_id = ${plan}.id AND ${isOfficer('vp.actor_id')}${probe(q)}))`,
      `(${plan}.classification = 'CONFIDENTIAL' AND ${isOfficer(`${plan}.lead_actor_id`)})`,
    );
  }
  if (r.length) {
    clauses.push(
      `(${plan}.classification <= 'PARTICIPANTS' AND EXISTS (SELECT 1 FROM plan_participant vp WHERE vp.plan_id = ${plan}.id AND ${q.in('vp.actor_id', r)}${probe(q)}))`,
    );
  }
  return `(${clauses.join(' OR ')})`;
}

/** A plan readable at all: as a member, or as a partner holding an assignment in it. */
export function planReadable(q: Sql, viewer: Viewer, plan: string): string {
  const member = planReadableAsMember(q, viewer, plan);
  const p = partners(viewer);
  if (!p.length || member === 'TRUE' || !mayRead(viewer, 'graph')) return member;
  return `(${member} OR (${plan}.classification <= 'PARTICIPANTS' AND EXISTS (
    SELECT 1 FROM task vt JOIN task_assignment va ON va.task_id = vt.id
    WHERE vt.plan_id = ${plan}.id AND ${q.in('va.actor_id', p)})))`;
}

/** A task: its plan readable as a member, or assigned to the viewer's partner organisation. */
export function taskReadable(q: Sql, viewer: Viewer, task: string): string {
  if (isAdmin(viewer)) return 'TRUE';
  const member = `EXISTS (SELECT 1 FROM response_plan vrp WHERE vrp.id = ${task}.plan_id AND ${planReadableAsMember(q, viewer, 'vrp')})`;
  const p = partners(viewer);
  if (!p.length || !mayRead(viewer, 'graph')) return member;
  return `(${member} OR (${task}.id IN (SELECT va.task_id FROM task_assignment va WHERE ${q.in('va.actor_id', p)})
    AND EXISTS (SELECT 1 FROM response_plan vrp2 WHERE vrp2.id = ${task}.plan_id AND vrp2.classification <= 'PARTICIPANTS')))`;
}

/** An assignment: its plan readable as a member, or it is the viewer's partner organisation's own. */
export function assignmentReadable(q: Sql, viewer: Viewer, assignment: string): string {
  if (isAdmin(viewer)) return 'TRUE';
  // plan_id: the assignment's task's plan, kept by the database (migration AssignmentPlan).
  const member = `EXISTS (SELECT 1 FROM response_plan vrp
    WHERE vrp.id = ${assignment}.plan_id AND ${planReadableAsMember(q, viewer, 'vrp')})`;
  const p = partners(viewer);
  if (!p.length || !mayRead(viewer, 'graph')) return member;
  return `(${member} OR (${q.in(`${assignment}.actor_id`, p)} AND EXISTS (
    SELECT 1 FROM response_plan vrp2 WHERE vrp2.id = ${assignment}.plan_id AND vrp2.classification <= 'PARTICIPANTS')))`;
}

/**
 * Whether the viewer reads every plan it reads as a member (it has no partner path). Then all that
 * a readable plan holds is readable too, and a list under a record the viewer was already shown
 * (a plan's tasks, a task's assignments) needs no condition of its own.
 */
export function readsPlansOnlyAsMember(viewer: Viewer): boolean {
  if (isAdmin(viewer)) return true;
  return mayRead(viewer, 'graph') && partners(viewer).length === 0;
}

/**
 * An assessment or observation (`record` has classification and situation_id; `authorColumn`
 * names the author organisation when there is one).
 */
export function evidenceReadable(q: Sql, viewer: Viewer, record: string, authorColumn?: string): string {
  if (isAdmin(viewer)) return 'TRUE';
  if (viewer.kind === 'anonymous' || !mayRead(viewer, 'assessments')) return NONE;
  const clauses = [`${record}.classification = 'PUBLIC'`];
  const byClearance = new Map<Classification, string[]>();
  for (const m of viewer.memberships) {
    const level = clearance[m.role];
    byClearance.set(level, [...(byClearance.get(level) ?? []), m.actorId]);
  }
  for (const [level, actorIds] of byClearance) {
    const isMember = q.oneOf(actorIds);
    const linked = [
      `EXISTS (SELECT 1 FROM response_plan vrp JOIN plan_participant vp ON vp.plan_id = vrp.id
        WHERE vrp.situation_id = ${record}.situation_id AND ${isMember('vp.actor_id')})`,
    ];
    if (authorColumn) linked.push(isMember(`${record}.${authorColumn}`));
    clauses.push(`(${record}.classification <= '${level}' AND (${linked.join(' OR ')}))`);
  }
  // The author organisation stands to its own assessment as the lead organisation to a plan: its
  // liaisons read (and so may keep editing) it even when CONFIDENTIAL.
  const authorOfficers = authorColumn ? officers(viewer) : [];
  if (authorOfficers.length) {
    clauses.push(
      `(${record}.classification = 'CONFIDENTIAL' AND ${q.in(`${record}.${authorColumn}`, authorOfficers)})`,
    );
  }
  return `(${clauses.join(' OR ')})`;
}

/** Whether the viewer may see the text of assessments (rationales, summaries), not only levels. */
export function mayReadAssessmentText(viewer: Viewer): boolean {
  if (isAdmin(viewer)) return true;
  if (!mayRead(viewer, 'assessments')) return false;
  return viewer.memberships.some(
    (m) => classificationRank(clearance[m.role]) >= classificationRank('RESTRICTED'),
  );
}

/** Situations (names, status) are for signed-in readers of the graph. */
export function situationReadable(viewer: Viewer): string {
  if (viewer.kind === 'anonymous' || !mayRead(viewer, 'graph')) return NONE;
  return 'TRUE';
}
