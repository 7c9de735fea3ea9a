import type { CapSeverity, CapUrgency, RiskLevel } from '../../common/enums';
import { insertRow } from '../../common/writes';
import type { Database, Transaction } from '../../db/database';
import { levelRank } from '../risk/assessment-explanation';
import { Alert } from './alert.entity';
import { recordRecipients } from './recipients';

/** How urgent and how severe an alert raised at each level is (CAP 1.2 vocabularies). */
const capOf: Record<RiskLevel, { severity: CapSeverity; urgency: CapUrgency }> = {
  VERY_HIGH: { severity: 'EXTREME', urgency: 'IMMEDIATE' },
  HIGH: { severity: 'SEVERE', urgency: 'EXPECTED' },
  MODERATE: { severity: 'MODERATE', urgency: 'FUTURE' },
  LOW: { severity: 'MINOR', urgency: 'FUTURE' },
  NONE: { severity: 'MINOR', urgency: 'UNKNOWN' },
};

/** The area of a situation in CAP's words: its administrative areas, or its name, with the country. */
export function areaOf(situation: { name: string; countryCode: string; adminAreas: string[] }): string {
  const where = situation.adminAreas.length ? situation.adminAreas.join(', ') : situation.name;
  return `${where} (${situation.countryCode})`;
}

/** A level crosses the threshold when it is at or above it and the one before was below (or absent). */
export function crosses(level: RiskLevel, previous: RiskLevel | null, threshold: RiskLevel): boolean {
  if (levelRank(level) < levelRank(threshold)) return false;
  return previous === null || levelRank(previous) < levelRank(threshold);
}

/** The CAP identifier of the alert an assessment raises: one assessment, at most one alert. */
export const thresholdIdentifier = (assessmentId: string) => `urn:concord:alert:assessment:${assessmentId}`;

export type PublishedAssessment = {
  id: string;
  situationId: string;
  overallLevel: RiskLevel;
  assessedOn: string;
  authorActorId: string | null;
};

/**
 * Raises a DRAFT alert, in the publishing transaction, when a published assessment crosses the
 * situation's alert rule (its own, else the global one). It is sent in the name of the author
 * organisation (else the lead of the situation's most recent open plan) to every other
 * organisation taking part in an open plan of the situation; its sender reviews and issues it.
 * Returns the alert's id, or null when none is raised.
 */
export async function raiseThresholdAlert(
  db: Database,
  tx: Transaction,
  assessment: PublishedAssessment,
  previousLevel: RiskLevel | null,
  explanation: string,
): Promise<string | null> {
  const [rule] = await tx.query<{ minLevel: RiskLevel; active: boolean }>(
    `SELECT min_level AS "minLevel", active FROM alert_rule
     WHERE situation_id = $1 OR situation_id IS NULL ORDER BY situation_id NULLS LAST, id LIMIT 1`,
    [assessment.situationId],
  );
  if (!rule?.active || !crosses(assessment.overallLevel, previousLevel, rule.minLevel)) return null;

  const identifier = thresholdIdentifier(assessment.id);
  const [situation] = await tx.query<{
    name: string;
    countryCode: string;
    adminAreas: string[];
    isExercise: boolean;
    senderActorId: string | null;
    raised: boolean;
  }>(
    `SELECT s.name, s.country_code AS "countryCode", s.admin_areas AS "adminAreas", s.is_exercise AS "isExercise",
       COALESCE($2::uuid, (SELECT p.lead_actor_id FROM response_plan p
         WHERE p.situation_id = s.id AND p.status NOT IN ('CLOSED', 'CANCELLED')
         ORDER BY p.created_at DESC, p.id DESC LIMIT 1)) AS "senderActorId",
       EXISTS (SELECT 1 FROM alert WHERE identifier = $3) AS raised
     FROM situation s WHERE s.id = $1`,
    [assessment.situationId, assessment.authorActorId, identifier],
  );
  if (!situation?.senderActorId || situation.raised) return null;

  const level = assessment.overallLevel;
  const before = previousLevel ? `up from ${previousLevel}` : 'the first published assessment';
  const alert = await insertRow<Alert>(tx, db.columns(Alert), {
    identifier,
    situationId: assessment.situationId,
    senderActorId: situation.senderActorId,
    assessmentId: assessment.id,
    status: situation.isExercise ? 'EXERCISE' : 'ACTUAL',
    ...capOf[level],
    certainty: 'LIKELY',
    headline: `Atrocity risk ${level} in ${situation.name}`.slice(0, 160),
    description:
      `The risk assessment of ${assessment.assessedOn} was published at ${level} (${before}), ` +
      `at or above the alert threshold ${rule.minLevel}. ${explanation}.`,
    instruction:
      'Review the assessment and the mitigation gaps of the situation, and confirm or adjust the response plans.',
    areaDesc: areaOf(situation),
  });
  const recipients = await tx.query<{ actorId: string }>(
    `INSERT INTO alert_recipient (alert_id, actor_id)
     SELECT DISTINCT $1::uuid, pp.actor_id FROM plan_participant pp JOIN response_plan p ON p.id = pp.plan_id
     WHERE p.situation_id = $2 AND p.status NOT IN ('CLOSED', 'CANCELLED') AND pp.actor_id <> $3
     RETURNING actor_id AS "actorId"`,
    [alert.id, assessment.situationId, situation.senderActorId],
  );
  recordRecipients(
    tx,
    alert.id,
    [],
    recipients.map((r) => r.actorId),
  );
  return alert.id;
}
