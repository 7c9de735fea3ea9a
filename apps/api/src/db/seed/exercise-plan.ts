import type { ParticipantRole, PhaseKind } from '@concord/shared';
import { actorId } from './actors';
import type { Clock } from './clock';
import { exerciseId, PLAN_ID, type RiskFactorIds, SITUATION_ID } from './exercise';
import { mandatedTaskId } from './mandates';
import type { Row } from './rows';

export function planRows(clock: Clock): Row[] {
  return [
    {
      id: PLAN_ID,
      title: 'Exercise — Northern Lakes protection and prevention plan',
      summary:
        'Fictional training plan: prevent atrocity crimes and protect civilians in the invented Northern Lakes Region.',
      situation_id: SITUATION_ID,
      lead_actor_id: actorId('DPO'),
      status: 'ACTIVE',
      starts_on: clock.day(-14),
      ends_on: clock.day(180),
    },
  ];
}

const participants: [string, ParticipantRole][] = [
  ['DPO', 'LEAD'],
  ['AU', 'CONTRIBUTOR'],
  ['IGAD', 'CONTRIBUTOR'],
  ['OHCHR', 'CONTRIBUTOR'],
  ['OCHA', 'CONTRIBUTOR'],
  ['DPPA', 'CONTRIBUTOR'],
  ['OSAPG', 'CONTRIBUTOR'],
  ['UNHCR', 'CONTRIBUTOR'],
  ['RW', 'CONTRIBUTOR'],
  ['NP', 'CONTRIBUTOR'],
  ['BD', 'CONTRIBUTOR'],
  ['KE', 'CONTRIBUTOR'],
  ['EU', 'OBSERVER'],
];

export function participantRows(): Row[] {
  return participants.map(([actor, role]) => ({
    id: exerciseId(`participant:${actor}`),
    plan_id: PLAN_ID,
    actor_id: actorId(actor),
    role,
  }));
}

/** [kind, title, first day, last day] relative to today. */
const phases: [PhaseKind, string, number, number][] = [
  ['PREVENTION', 'Prevention and early engagement', -14, 20],
  ['PREVENTIVE_DEPLOYMENT', 'Preventive deployment to the lakeshore', 21, 60],
  ['CONTAINMENT', 'Containment and protection of displacement sites', 61, 100],
  ['STABILIZATION', 'Stabilization of Lakeside Province', 101, 150],
  ['RECOVERY', 'Recovery, justice and reconciliation', 151, 180],
];

export const phaseId = (kind: PhaseKind) => exerciseId(`phase:${kind}`);

export function phaseRows(clock: Clock): Row[] {
  return phases.map(([kind, title, from, to], i) => ({
    id: phaseId(kind),
    plan_id: PLAN_ID,
    kind,
    title,
    position: i + 1,
    starts_on: clock.day(from),
    ends_on: clock.day(to),
  }));
}

type ObjectiveSeed = {
  key: string;
  phase: PhaseKind;
  title: string;
  description: string;
  factors: number[];
  /** [resolution symbol, paragraph, kind] of the real mandated task this objective draws on. */
  tracesTo?: Parameters<typeof mandatedTaskId>;
};

export const objectiveSeeds: readonly ObjectiveSeed[] = [
  {
    key: 'early-warning',
    phase: 'PREVENTION',
    title: 'Verified early warning and human rights reporting',
    description: 'Every partner works from one verified incident picture.',
    factors: [2, 9, 11],
    tracesTo: ['S/RES/1996 (2011)', 'OP 3 (b)', 'HUMAN_RIGHTS_MONITORING'],
  },
  {
    key: 'incitement',
    phase: 'PREVENTION',
    title: 'Counter incitement and dehumanising speech',
    description: 'Reduce hate speech against lakeshore communities on local media.',
    factors: [7, 9, 10],
  },
  {
    key: 'mediation',
    phase: 'PREVENTION',
    title: 'Regional mediation between highland and lakeshore leaders',
    description: 'An IGAD-led track, with AU support, towards a local cessation of hostilities.',
    factors: [4, 6, 8],
    tracesTo: ['S/RES/1996 (2011)', 'OP 3 (a)', 'PEACE_PROCESS_SUPPORT'],
  },
  {
    key: 'deterrence',
    phase: 'PREVENTIVE_DEPLOYMENT',
    title: 'Deter attacks on civilians and displacement sites',
    description: 'Visible, protective presence at Tall Reeds, Kasobe Ferry and Lumi Crossing.',
    factors: [1, 5, 13],
    tracesTo: ['S/RES/1996 (2011)', 'OP 3 (b)', 'PROTECTION_OF_CIVILIANS'],
  },
  {
    key: 'access',
    phase: 'CONTAINMENT',
    title: 'Secure humanitarian access along the Kasobe–Lumi corridor',
    description: 'Convoys reach Mirewater and Tall Reeds every week.',
    factors: [13, 14],
    tracesTo: ['S/RES/2149 (2014)', 'OP 30 (c)', 'HUMANITARIAN_ACCESS'],
  },
  {
    key: 'survivors',
    phase: 'CONTAINMENT',
    title: 'Protect women and children from sexual violence and recruitment',
    description: 'Prevention of and response to conflict-related sexual violence and child recruitment.',
    factors: [11, 13],
    tracesTo: ['S/RES/1925 (2010)', 'OP 12', 'CONFLICT_RELATED_SEXUAL_VIOLENCE'],
  },
  {
    key: 'disarmament',
    phase: 'STABILIZATION',
    title: 'Disarm and reintegrate local militias',
    description: 'Community violence reduction as a first step towards disarmament.',
    factors: [5, 7],
    tracesTo: ['S/RES/2149 (2014)', 'OP 30 (g)', 'DDR'],
  },
  {
    key: 'justice',
    phase: 'RECOVERY',
    title: 'Restore local justice and accountability',
    description: 'Courts working again in Lakeside Province and violations documented for accountability.',
    factors: [2, 3, 6],
    tracesTo: ['S/RES/1996 (2011)', 'OP 3 (c)', 'SSR'],
  },
];

export const objectiveId = (key: string) => exerciseId(`objective:${key}`);

export function objectiveRows(created: (i: number) => Date): Row[] {
  return objectiveSeeds.map((o, i) => ({
    id: objectiveId(o.key),
    plan_id: PLAN_ID,
    phase_id: phaseId(o.phase),
    title: o.title,
    description: o.description,
    mandated_task_id: o.tracesTo ? mandatedTaskId(...o.tracesTo) : null,
    created_at: created(i),
    updated_at: created(i),
  }));
}

export function objectiveRiskFactorRows(factors: RiskFactorIds): Row[] {
  return objectiveSeeds.flatMap((o) =>
    o.factors.map((n) => ({ objective_id: objectiveId(o.key), risk_factor_id: factors.get(n) })),
  );
}
