import type { AlertState, CapabilityKind, CapScope, RiskLevel } from '@concord/shared';
import { toGlobalId } from '../src/common/ids';
import { insertRow } from '../src/common/writes';
import type { Database } from '../src/db/database';
import { Alert } from '../src/modules/alerts/alert.entity';
import { CapabilityPledge } from '../src/modules/capabilities/capability-pledge.entity';
import { Mandate } from '../src/modules/mandates/mandate.entity';
import { MandatedTask } from '../src/modules/mandates/mandated-task.entity';
import { Objective } from '../src/modules/plans/objective.entity';
import type { Made } from './factories';
import { makeActor } from './factories';
import { riskFactorUuid } from './factories-situations';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

type Row = { id: string; version: number };
const made = (type: string, row: Row): Made => ({ ...row, gid: toGlobalId(type, row.id) });

/** An alert as stored, with recipients (acknowledged when `acknowledgedAt` is given). */
export async function makeAlert(
  db: Database,
  values: {
    situationId: string;
    senderActorId: string;
    state?: AlertState;
    scope?: CapScope;
    issuedAt?: string | null;
    headline?: string;
    assessmentId?: string | null;
    recipients?: { actorId: string; acknowledgedAt?: string | null }[];
  },
): Promise<Made & { headline: string }> {
  const { recipients = [], ...fields } = values;
  const state = fields.state ?? 'DRAFT';
  const row = await insertRow<Row & { headline: string }>(db, db.columns(Alert), {
    identifier: `urn:concord:test:${unique('alert').replace(/\s/g, '-')}`,
    urgency: 'EXPECTED',
    severity: 'SEVERE',
    certainty: 'LIKELY',
    headline: unique('Alert'),
    areaDesc: 'Jonglei (SS)',
    ...fields,
    state,
    issuedAt:
      fields.issuedAt !== undefined ? fields.issuedAt : state === 'DRAFT' ? null : new Date().toISOString(),
  });
  for (const r of recipients) {
    await db.query('INSERT INTO alert_recipient (alert_id, actor_id, acknowledged_at) VALUES ($1, $2, $3)', [
      row.id,
      r.actorId,
      r.acknowledgedAt ?? null,
    ]);
  }
  return { ...made('Alert', row), headline: row.headline };
}

export async function makeAlertRule(
  db: Database,
  values: { situationId?: string | null; minLevel: RiskLevel; active?: boolean },
) {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO alert_rule (situation_id, min_level, active) VALUES ($1, $2, $3) RETURNING id',
    [values.situationId ?? null, values.minLevel, values.active ?? true],
  );
  return { id: row.id, gid: toGlobalId('AlertRule', row.id) };
}

/** An objective naming risk factors (by number) and, optionally, tracing to a mandated task. */
export async function makeObjective(
  db: Database,
  planId: string,
  values: { title?: string; riskFactors?: number[]; mandatedTaskId?: string | null } = {},
): Promise<Made & { title: string }> {
  const row = await insertRow<Row & { title: string }>(db, db.columns(Objective), {
    planId,
    title: values.title ?? unique('Objective'),
    mandatedTaskId: values.mandatedTaskId ?? null,
  });
  for (const factor of values.riskFactors ?? []) {
    await db.query('INSERT INTO objective_risk_factor (objective_id, risk_factor_id) VALUES ($1, $2)', [
      row.id,
      riskFactorUuid(factor),
    ]);
  }
  return { ...made('Objective', row), title: row.title };
}

/** A mandate of a mission (made when not given) with its mandated tasks, in the order given. */
export async function makeMandate(
  db: Database,
  values: {
    missionActorId?: string;
    symbol?: string;
    adoptedOn?: string;
    expiresOn?: string | null;
    tasks: { paragraphRef: string; kind?: string; priority?: number }[];
  },
) {
  const council = await makeActor(db, { kind: 'UN_PRINCIPAL_ORGAN' });
  const missionActorId = values.missionActorId ?? (await makeActor(db, { kind: 'UN_PEACE_OPERATION' })).id;
  const mandate = await insertRow<Row & { symbol: string }>(db, db.columns(Mandate), {
    symbol: values.symbol ?? unique('S/RES/'),
    title: 'Mandate of the mission',
    authorizingActorId: council.id,
    missionActorId,
    adoptedOn: values.adoptedOn ?? '2011-07-08',
    expiresOn: values.expiresOn ?? null,
  });
  const tasks: (Made & { paragraphRef: string })[] = [];
  for (const t of values.tasks) {
    const row = await insertRow<Row>(db, db.columns(MandatedTask), {
      mandateId: mandate.id,
      paragraphRef: t.paragraphRef,
      kind: t.kind ?? 'PROTECTION_OF_CIVILIANS',
      description: `Task of ${t.paragraphRef}.`,
      priority: t.priority ?? 3,
    });
    tasks.push({ ...made('MandatedTask', row), paragraphRef: t.paragraphRef });
  }
  return { ...made('Mandate', mandate), symbol: mandate.symbol, missionActorId, tasks };
}

export async function requireCapability(
  db: Database,
  taskId: string,
  capability: CapabilityKind,
  quantity: number,
) {
  await db.query(
    'INSERT INTO task_capability_requirement (task_id, capability, quantity) VALUES ($1, $2, $3)',
    [taskId, capability, quantity],
  );
}

export async function makePledge(
  db: Database,
  values: {
    actorId: string;
    capability: CapabilityKind;
    quantity: number;
    readinessDays: number;
    validUntil?: string | null;
  },
) {
  return made('CapabilityPledge', await insertRow<Row>(db, db.columns(CapabilityPledge), values));
}

/** The global id of a Framework indicator by its code, e.g. "1.1". */
export async function indicatorGid(db: Database, code: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM risk_indicator WHERE code = $1', [code]);
  if (!row) throw new Error(`no indicator ${code}`);
  return toGlobalId('RiskIndicator', row.id);
}

/** The codebook columns of an ACLED export, in ACLED's order. */
export const ACLED_HEADER = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledRecord = Partial<Record<(typeof ACLED_HEADER)[number], string>>;

/** One plausible event; `overrides` change or blank its cells. */
export function acledEvent(id: string, overrides: AcledRecord = {}): AcledRecord {
  return {
    event_id_cnty: id,
    event_date: '2024-03-15',
    year: '2024',
    time_precision: '1',
    disorder_type: 'Political violence',
    event_type: 'Violence against civilians',
    sub_event_type: 'Attack',
    actor1: 'Unidentified Armed Group (South Sudan)',
    inter1: '3',
    actor2: 'Civilians (South Sudan)',
    inter2: '7',
    interaction: '37',
    civilian_targeting: 'Civilian targeting',
    iso: '728',
    region: 'Eastern Africa',
    country: 'South Sudan',
    admin1: 'Central Equatoria',
    admin2: 'Yei',
    location: 'Yei',
    latitude: '4.0950',
    longitude: '30.6780',
    geo_precision: '1',
    source: 'Radio Tamazuj',
    source_scale: 'National',
    notes: 'Gunmen attacked a village near Yei, killing 3 civilians.',
    fatalities: '3',
    tags: '',
    timestamp: '1711000000',
    ...overrides,
  };
}

/** Quotes a cell as RFC 4180 does: in double quotes, inner quotes doubled, when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file of the records under `header`, lines ended by `eol`. */
export function acledCsv(
  records: AcledRecord[],
  options: { header?: readonly string[]; eol?: string; bom?: boolean } = {},
) {
  const header = options.header ?? ACLED_HEADER;
  const eol = options.eol ?? '\n';
  const lines = [
    header.join(','),
    ...records.map((r) => header.map((h) => csvCell(r[h as keyof AcledRecord] ?? '')).join(',')),
  ];
  return `${options.bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
}
