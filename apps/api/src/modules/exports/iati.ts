import type { ActorKind, ParticipantRole, PlanStatus } from '../../common/enums';
import { toGlobalId } from '../../common/ids';
import { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { assignmentReadable, planReadable, planReadableAsMember } from '../../common/visibility';
import type { Queryable } from '../../db/database';
import { COUNTRY_CODES } from '../situations/country-codes';
import { attrs, el } from './xml';

type IatiPlan = {
  id: string;
  title: string;
  summary: string | null;
  status: PlanStatus;
  startsOn: string | null;
  endsOn: string | null;
  createdOn: string;
  updatedAt: Date;
  leadActorId: string;
  leadName: string;
  leadKind: ActorKind;
  situationName: string;
  countryCode: string;
  isExercise: boolean;
  /** Whether the viewer reads the plan as a member (then its objectives and participants too). */
  asMember: boolean;
};

type Participant = { actorId: string; name: string; kind: ActorKind; role: ParticipantRole | 'IMPLEMENTER' };

/** Whether the viewer reads the plan (the rule of responsePlan(id)). */
export async function planVisible(db: Queryable, viewer: Viewer, planId: string): Promise<boolean> {
  const q = new Sql();
  q.and(`p.id = ${q.p(planId)}::uuid`);
  q.and(planReadable(q, viewer, 'p'));
  return (await db.query(`SELECT 1 FROM response_plan p ${q.whereClause()}`, q.params)).length > 0;
}

/**
 * The plan if the viewer reads it (the rule of responsePlan(id)); its participants and objectives
 * only when read as a member, like the GraphQL fields; implementing organisations from the
 * accepted assignments the viewer reads.
 */
export async function readIatiPlan(
  db: Queryable,
  viewer: Viewer,
  planId: string,
): Promise<{ plan: IatiPlan; participants: Participant[]; objectives: string[] } | null> {
  const q = new Sql();
  q.and(`p.id = ${q.p(planId)}::uuid`);
  q.and(planReadable(q, viewer, 'p'));
  const asMember = planReadableAsMember(q, viewer, 'p');
  const [plan] = await db.query<IatiPlan>(
    `SELECT p.id, p.title, p.summary, p.status, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn",
       p.created_at::date::text AS "createdOn", p.updated_at AS "updatedAt", p.lead_actor_id AS "leadActorId",
       la.name AS "leadName", la.kind AS "leadKind", s.name AS "situationName", s.country_code AS "countryCode",
       s.is_exercise AS "isExercise", ${asMember} AS "asMember"
     FROM response_plan p JOIN actor la ON la.id = p.lead_actor_id JOIN situation s ON s.id = p.situation_id
     ${q.whereClause()}`,
    q.params,
  );
  if (!plan) return null;
  const a = new Sql();
  const participants = await db.query<Participant>(
    `SELECT pp.actor_id AS "actorId", ac.name, ac.kind, pp.role::text AS role
     FROM plan_participant pp JOIN actor ac ON ac.id = pp.actor_id
     WHERE pp.plan_id = ${a.p(planId)}::uuid AND ${a.p(plan.asMember)}::boolean
     UNION
     SELECT DISTINCT ta.actor_id, ac.name, ac.kind, 'IMPLEMENTER'
     FROM task_assignment ta JOIN task t ON t.id = ta.task_id JOIN actor ac ON ac.id = ta.actor_id
     WHERE t.plan_id = ${a.p(planId)}::uuid AND ta.status = 'ACCEPTED' AND ${assignmentReadable(a, viewer, 'ta')}
     ORDER BY 2, 1`,
    a.params,
  );
  const objectives = plan.asMember
    ? (
        await db.query<{ title: string }>(
          'SELECT o.title FROM objective o WHERE o.plan_id = $1 ORDER BY o.created_at, o.id',
          [planId],
        )
      ).map((o) => o.title)
    : [];
  return { plan, participants, objectives };
}

/** IATI OrganisationType codes: governments 10, multilaterals 40, NGOs 21, academia 80, other 90. */
const organisationType: Record<ActorKind, string> = {
  UN_PRINCIPAL_ORGAN: '40',
  UN_SECRETARIAT_ENTITY: '40',
  UN_PEACE_OPERATION: '40',
  UN_AGENCY_FUND_PROGRAMME: '40',
  REGIONAL_ORGANIZATION: '40',
  REGIONAL_ORGAN: '40',
  REGIONAL_PEACE_OPERATION: '40',
  MEMBER_STATE: '10',
  STATE_INSTITUTION: '10',
  CIVIL_SOCIETY: '21',
  ACADEMIC: '80',
  DATA_PROVIDER: '90',
};

/** IATI ActivityStatus: 1 pipeline, 2 implementation, 4 closed, 5 cancelled, 6 suspended. */
const activityStatus: Record<PlanStatus, string> = {
  DRAFT: '1',
  IN_REVIEW: '1',
  APPROVED: '1',
  ACTIVE: '2',
  SUSPENDED: '6',
  CLOSED: '4',
  CANCELLED: '5',
};

/** IATI OrganisationRole: 2 accountable (the lead), 4 implementing (contributors, assignees). */
const organisationRole: Record<Participant['role'], string | null> = {
  LEAD: '2',
  CONTRIBUTOR: '4',
  IMPLEMENTER: '4',
  OBSERVER: null,
};

/**
 * Actors carry no IATI organisation identifier, so their Concord id stands in (a registered
 * identifier such as XM-DAC-41127 would be better; see the report of this export).
 */
export const orgRef = (actorId: string) => `CONCORD-ACTOR-${actorId}`;

const narrative = (text: string) => el('narrative', text);

/**
 * The plan as IATI 2.03 activity XML: the elements the schema requires (identifier, reporting
 * organisation, title, description, participating organisations, status, a date) and what the
 * plan says meaningfully (objectives, the country, the sector of atrocity prevention: DAC 15220
 * "Civilian peace-building, conflict prevention and resolution"). No transactions or results:
 * plans hold no money and the schema does not require them.
 */
export function iatiXml(
  data: { plan: IatiPlan; participants: Participant[]; objectives: string[] },
  generatedAt: Date,
): string {
  const { plan, participants, objectives } = data;
  const reportingRef = orgRef(plan.leadActorId);
  const realCountry = COUNTRY_CODES.includes(plan.countryCode);
  const orgs = new Map<string, string>();
  orgs.set(`${plan.leadActorId}|2`, participating(plan.leadActorId, plan.leadName, plan.leadKind, '2'));
  for (const p of participants) {
    const role = organisationRole[p.role];
    if (role && !orgs.has(`${p.actorId}|${role}`))
      orgs.set(`${p.actorId}|${role}`, participating(p.actorId, p.name, p.kind, role));
  }
  const dates = [
    plan.startsOn ? `<activity-date type="1" iso-date="${plan.startsOn}"/>` : '',
    plan.endsOn ? `<activity-date type="3" iso-date="${plan.endsOn}"/>` : '',
  ].join('');
  const where = realCountry ? `<recipient-country code="${plan.countryCode}" percentage="100"/>` : '';
  const area = realCountry
    ? ''
    : `<description type="4">${narrative(
        `Area: ${plan.situationName} (${plan.countryCode}${plan.isExercise ? ', an exercise' : ''}); its code is not an ISO 3166-1 country, so no recipient country is given.`,
      )}</description>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<iati-activities${attrs({ version: '2.03', 'generated-datetime': `${generatedAt.toISOString().slice(0, 19)}Z` })}>`,
    `<iati-activity${attrs({ 'xml:lang': 'en', 'last-updated-datetime': `${plan.updatedAt.toISOString().slice(0, 19)}Z` })}>`,
    el('iati-identifier', `${reportingRef}-${plan.id}`),
    `<reporting-org${attrs({ ref: reportingRef, type: organisationType[plan.leadKind] })}>${narrative(plan.leadName)}</reporting-org>`,
    `<title>${narrative(plan.title)}</title>`,
    `<description type="1">${narrative(plan.summary || `Response plan for ${plan.situationName}.`)}</description>`,
    objectives.length ? `<description type="2">${objectives.map(narrative).join('')}</description>` : '',
    area,
    ...orgs.values(),
    `<other-identifier${attrs({ ref: toGlobalId('ResponsePlan', plan.id), type: 'A1' })}/>`,
    `<activity-status code="${activityStatus[plan.status]}"/>`,
    // At least one date is required: without planned dates, the day the plan was drawn up.
    dates ||
      `<activity-date type="1" iso-date="${plan.createdOn}">${narrative('No start date is set; the day the plan was created.')}</activity-date>`,
    where,
    '<sector vocabulary="1" code="15220" percentage="100"><narrative>Civilian peace-building, conflict prevention and resolution</narrative></sector>',
    '</iati-activity>',
    '</iati-activities>\n',
  ].join('');
}

function participating(actorId: string, name: string, kind: ActorKind, role: string): string {
  return `<participating-org${attrs({ ref: orgRef(actorId), type: organisationType[kind], role })}>${narrative(name)}</participating-org>`;
}
