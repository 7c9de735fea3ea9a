import type { MandatedTaskKind } from '@concord/shared';
import { actorId } from './actors';
import { seedId } from './ids';
import type { Row } from './rows';

type MandatedTaskSeed = {
  ref: string;
  kind: MandatedTaskKind;
  description: string;
  priority: number;
  useOfForce?: boolean;
};

type MandateSeed = {
  symbol: string;
  title: string;
  mission: string;
  adoptedOn: string;
  expiresOn: string | null;
  chapterVii: boolean;
  troopCeiling: number | null;
  policeCeiling: number | null;
  tasks: MandatedTaskSeed[];
};

export const mandateId = (symbol: string) => seedId(`mandate:${symbol}`);
/** A mandated task is identified by its resolution, paragraph and kind. */
export const mandatedTaskId = (symbol: string, ref: string, kind: MandatedTaskKind) =>
  seedId(`mandated-task:${symbol}:${ref}:${kind}`);

/**
 * The establishing resolutions, as adopted. Paragraph references name the operative paragraph
 * (OP) of the resolution that lists the task; ceilings are those the resolution authorised.
 */
export const mandateSeeds: readonly MandateSeed[] = [
  {
    symbol: 'S/RES/1996 (2011)',
    title: 'Establishment of the United Nations Mission in the Republic of South Sudan (UNMISS)',
    mission: 'UNMISS',
    adoptedOn: '2011-07-08',
    // "for an initial period of one year" from 9 July 2011
    expiresOn: '2012-07-08',
    chapterVii: true,
    troopCeiling: 7000,
    policeCeiling: 900,
    tasks: [
      {
        ref: 'OP 3 (a)',
        kind: 'PEACE_PROCESS_SUPPORT',
        description:
          'Support for peace consolidation, thereby fostering longer-term statebuilding and economic development.',
        priority: 2,
      },
      {
        ref: 'OP 3 (b)',
        kind: 'PROTECTION_OF_CIVILIANS',
        description:
          'Support the Government in conflict prevention, mitigation and resolution, and protect civilians under imminent threat of physical violence.',
        priority: 1,
        useOfForce: true,
      },
      {
        ref: 'OP 3 (b)',
        kind: 'HUMAN_RIGHTS_MONITORING',
        description:
          'Monitor, investigate, verify and report on human rights and threats against the civilian population.',
        priority: 2,
      },
      {
        ref: 'OP 3 (c)',
        kind: 'SSR',
        description:
          'Support the Government in developing its capacity to provide security, establish the rule of law and strengthen the security and justice sectors.',
        priority: 3,
      },
    ],
  },
  {
    symbol: 'S/RES/1925 (2010)',
    title:
      'MONUC becomes the United Nations Organization Stabilization Mission in the Democratic Republic of the Congo (MONUSCO) from 1 July 2010',
    mission: 'MONUSCO',
    adoptedOn: '2010-05-28',
    expiresOn: '2011-06-30',
    chapterVii: true,
    troopCeiling: 19815,
    // 391 police personnel and 1,050 members of formed police units
    policeCeiling: 1441,
    tasks: [
      {
        ref: 'OP 12 (a)',
        kind: 'PROTECTION_OF_CIVILIANS',
        description:
          'Ensure the effective protection of civilians, including humanitarian personnel and human rights defenders, under imminent threat of physical violence.',
        priority: 1,
        useOfForce: true,
      },
      {
        ref: 'OP 12',
        kind: 'CONFLICT_RELATED_SEXUAL_VIOLENCE',
        description:
          'Support Government efforts to fight impunity and protect civilians from violations of international humanitarian and human rights law, including all forms of sexual and gender-based violence.',
        priority: 1,
      },
      {
        ref: 'OP 12',
        kind: 'SSR',
        description:
          'Stabilization and peace consolidation: support reform of the army, including military justice, and of the police.',
        priority: 3,
      },
    ],
  },
  {
    symbol: 'S/RES/2149 (2014)',
    title:
      'Establishment of the United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic (MINUSCA)',
    mission: 'MINUSCA',
    adoptedOn: '2014-04-10',
    expiresOn: '2015-04-30',
    chapterVii: true,
    troopCeiling: 10000,
    policeCeiling: 1800,
    tasks: [
      {
        ref: 'OP 30 (a)',
        kind: 'PROTECTION_OF_CIVILIANS',
        description:
          'Protect the civilian population from threat of physical violence, within its capabilities and areas of deployment.',
        priority: 1,
        useOfForce: true,
      },
      {
        ref: 'OP 30 (c)',
        kind: 'HUMANITARIAN_ACCESS',
        description:
          'Facilitate the immediate, full, safe and unhindered delivery of humanitarian assistance.',
        priority: 2,
      },
      {
        ref: 'OP 30 (e)',
        kind: 'HUMAN_RIGHTS_MONITORING',
        description:
          'Promote and protect human rights: monitor, investigate and report on violations and abuses.',
        priority: 2,
      },
      {
        ref: 'OP 30 (g)',
        kind: 'DDR',
        description: 'Disarmament, demobilization, reintegration and repatriation of former combatants.',
        priority: 3,
      },
    ],
  },
  {
    symbol: 'S/RES/2100 (2013)',
    title:
      'Establishment of the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)',
    mission: 'MINUSMA',
    adoptedOn: '2013-04-25',
    // initial period of 12 months from the transfer of authority on 1 July 2013
    expiresOn: '2014-06-30',
    chapterVii: true,
    troopCeiling: 11200,
    policeCeiling: 1440,
    tasks: [
      {
        ref: 'OP 16 (a)',
        kind: 'STATE_AUTHORITY_EXTENSION',
        description:
          'Security, stabilization and protection of civilians: stabilize key population centres and support the re-establishment of State authority.',
        priority: 1,
        useOfForce: true,
      },
      {
        ref: 'OP 16 (b)',
        kind: 'PEACE_PROCESS_SUPPORT',
        description:
          'Support the implementation of the transitional road map, including the national political dialogue and the electoral process.',
        priority: 2,
      },
      {
        ref: 'OP 16 (d)',
        kind: 'HUMAN_RIGHTS_MONITORING',
        description:
          'Promote and protect human rights: monitor, help investigate and report on abuses and violations.',
        priority: 2,
      },
      {
        ref: 'OP 16 (e)',
        kind: 'HUMANITARIAN_ACCESS',
        description:
          'Support the creation of a secure environment for the safe, civilian-led delivery of humanitarian assistance.',
        priority: 3,
      },
    ],
  },
  {
    symbol: 'S/RES/1744 (2007)',
    title: 'Authorisation of an African Union mission in Somalia (AMISOM) for six months',
    mission: 'AMISOM',
    adoptedOn: '2007-02-20',
    expiresOn: '2007-08-20',
    chapterVii: true,
    troopCeiling: null,
    policeCeiling: null,
    tasks: [
      {
        ref: 'OP 4 (a)',
        kind: 'PEACE_PROCESS_SUPPORT',
        description:
          'Support dialogue and reconciliation by assisting with the free movement, safe passage and protection of all those involved in the process.',
        priority: 1,
        useOfForce: true,
      },
      {
        ref: 'OP 4 (b)',
        kind: 'OTHER',
        description:
          'Provide protection to the Transitional Federal Institutions and security for key infrastructure.',
        priority: 1,
        useOfForce: true,
      },
      {
        ref: 'OP 4 (c)',
        kind: 'SSR',
        description:
          'Assist with the implementation of the National Security and Stabilization Plan, in particular the re-establishment and training of all-inclusive Somali security forces.',
        priority: 2,
        useOfForce: true,
      },
      {
        ref: 'OP 4 (d)',
        kind: 'HUMANITARIAN_ACCESS',
        description:
          'Contribute to the creation of the necessary security conditions for the provision of humanitarian assistance.',
        priority: 2,
        useOfForce: true,
      },
    ],
  },
  {
    symbol: 'S/RES/2628 (2022)',
    title: 'Reconfiguration of AMISOM into the African Union Transition Mission in Somalia (ATMIS)',
    mission: 'ATMIS',
    adoptedOn: '2022-03-31',
    // "for an initial period of 12 months"
    expiresOn: '2023-03-31',
    chapterVii: true,
    troopCeiling: null,
    policeCeiling: null,
    tasks: [],
  },
];

export function mandateRows(): Row[] {
  return mandateSeeds.map((m) => ({
    id: mandateId(m.symbol),
    symbol: m.symbol,
    title: m.title,
    authorizing_actor_id: actorId('UNSC'),
    mission_actor_id: actorId(m.mission),
    adopted_on: m.adoptedOn,
    expires_on: m.expiresOn,
    chapter_vii: m.chapterVii,
    troop_ceiling: m.troopCeiling,
    police_ceiling: m.policeCeiling,
    renews_mandate_id: null,
  }));
}

export function mandatedTaskRows(): Row[] {
  return mandateSeeds.flatMap((m) =>
    m.tasks.map((t) => ({
      id: mandatedTaskId(m.symbol, t.ref, t.kind),
      mandate_id: mandateId(m.symbol),
      paragraph_ref: t.ref,
      kind: t.kind,
      description: t.description,
      priority: t.priority,
      use_of_force: t.useOfForce ?? false,
    })),
  );
}
