import { toGlobalId } from '../../common/ids';
import { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import type { Queryable } from '../../db/database';
import { alertReadable } from '../alerts/alert.loaders';
import { COUNTRY_CODES } from '../situations/country-codes';
import { capitalised, el } from './xml';

type CapAlert = {
  id: string;
  identifier: string;
  state: string;
  status: string;
  msgType: string;
  scope: string;
  urgency: string;
  severity: string;
  certainty: string;
  headline: string;
  description: string | null;
  instruction: string | null;
  areaDesc: string;
  sentAt: Date;
  senderActorId: string;
  senderName: string;
  situationName: string;
  countryCode: string;
  recipientIds: string[];
};

/** The alert with what CAP names besides it, if the viewer reads it (the rule of alert(id)). */
export async function readCapAlert(db: Queryable, viewer: Viewer, alertId: string): Promise<CapAlert | null> {
  const q = new Sql();
  q.and(`al.id = ${q.p(alertId)}::uuid`);
  q.and(alertReadable(q, viewer, 'al'));
  const [row] = await db.query<CapAlert>(
    `SELECT al.id, al.identifier, al.state, al.status, al.msg_type AS "msgType", al.scope, al.urgency,
       al.severity, al.certainty, al.headline, al.description, al.instruction, al.area_desc AS "areaDesc",
       COALESCE(al.issued_at, al.created_at) AS "sentAt", al.sender_actor_id AS "senderActorId",
       sa.name AS "senderName", s.name AS "situationName", s.country_code AS "countryCode",
       ARRAY(SELECT r.actor_id::text FROM alert_recipient r WHERE r.alert_id = al.id ORDER BY r.actor_id) AS "recipientIds"
     FROM alert al JOIN actor sa ON sa.id = al.sender_actor_id JOIN situation s ON s.id = al.situation_id
     ${q.whereClause()}`,
    q.params,
  );
  return row ?? null;
}

/** An organisation as a CAP sender or address: a stable URI without spaces, commas, < or &. */
export const actorUri = (actorId: string) => `urn:concord:actor:${actorId}`;

/**
 * CAP's dateTime: seconds precision, an explicit offset, and UTC written "-00:00" (CAP 1.2 §3.3.2
 * forbids "Z"; the schema's pattern forbids fractional seconds).
 */
export function capDateTime(at: Date): string {
  return `${at.toISOString().slice(0, 19)}-00:00`;
}

const RESTRICTION =
  'For the organisations this alert is addressed to (see addresses) and its sender; not for further distribution.';

/** One alert as a CAP 1.2 message; the values of our CAP enums are CAP's, capitalised. */
export function capXml(alert: CapAlert): string {
  const addressed = alert.scope === 'RESTRICTED' || alert.scope === 'PRIVATE';
  const realCountry = COUNTRY_CODES.includes(alert.countryCode);
  const parameter = (name: string, value: string) =>
    `<parameter>${el('valueName', name)}${el('value', value)}</parameter>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    el('identifier', alert.identifier),
    el('sender', actorUri(alert.senderActorId)),
    el('sent', capDateTime(alert.sentAt)),
    el('status', capitalised(alert.status)),
    el('msgType', capitalised(alert.msgType)),
    el('scope', capitalised(alert.scope)),
    alert.scope === 'RESTRICTED' ? el('restriction', RESTRICTION) : '',
    addressed && alert.recipientIds.length ? el('addresses', alert.recipientIds.map(actorUri).join(' ')) : '',
    alert.status === 'EXERCISE' ? el('note', `Exercise: ${alert.situationName}`) : '',
    '<info>',
    el('language', 'en'),
    el('category', 'Safety'),
    el('category', 'Security'),
    el('event', 'Risk of atrocity crimes'),
    el('urgency', capitalised(alert.urgency)),
    el('severity', capitalised(alert.severity)),
    el('certainty', capitalised(alert.certainty)),
    el('senderName', alert.senderName),
    el('headline', alert.headline),
    el('description', alert.description),
    el('instruction', alert.instruction),
    parameter('concord:alertId', toGlobalId('Alert', alert.id)),
    parameter('concord:state', alert.state),
    parameter('concord:situation', alert.situationName),
    '<area>',
    el('areaDesc', alert.areaDesc),
    realCountry
      ? `<geocode>${el('valueName', 'ISO 3166-1 alpha-2')}${el('value', alert.countryCode)}</geocode>`
      : '',
    '</area>',
    '</info>',
    '</alert>\n',
  ].join('');
}
