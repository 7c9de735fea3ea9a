import type { PartnershipKind, PartnershipStatus } from '@concord/shared';
import { actorId } from './actors';
import { seedId } from './ids';
import type { Row } from './rows';

type Edge = {
  source: string;
  kind: PartnershipKind;
  target: string;
  status?: PartnershipStatus;
  from?: string;
  to?: string;
  instrument?: string;
  notes?: string;
};

const MINUSMA_END = '2023-12-31';
const AMISOM_END = '2022-03-31';
const ATMIS_START = '2022-04-01';
const ATMIS_END = '2024-12-31';
const AU_LAUNCH = '2002-07-09';
const ECOWAS_TREATY = '1975-05-28';
/** Mali and Burkina Faso left ECOWAS with Niger (Alliance of Sahel States); effective on this date. */
const AES_EXIT = '2025-01-29';

const ended = (to: string): Pick<Edge, 'status' | 'to'> => ({ status: 'EXPIRED', to });

const hosts: Edge[] = [
  {
    source: 'SS',
    kind: 'HOSTS',
    target: 'UNMISS',
    from: '2011-07-09',
    instrument: 'Status of Forces Agreement',
  },
  { source: 'CD', kind: 'HOSTS', target: 'MONUSCO', from: '2010-07-01' },
  {
    source: 'CF',
    kind: 'HOSTS',
    target: 'MINUSCA',
    from: '2014-09-15',
    notes: 'Transfer of authority from MISCA; the mission had subsumed BINUCA from 10 April 2014.',
  },
  { source: 'ML', kind: 'HOSTS', target: 'MINUSMA', from: '2013-07-01', ...ended(MINUSMA_END) },
  { source: 'SO', kind: 'HOSTS', target: 'AMISOM', ...ended(AMISOM_END) },
  { source: 'SO', kind: 'HOSTS', target: 'ATMIS', from: ATMIS_START, ...ended(ATMIS_END) },
];

const authorisations: Edge[] = [
  {
    source: 'UNSC',
    kind: 'AUTHORIZES',
    target: 'UNMISS',
    from: '2011-07-08',
    instrument: 'S/RES/1996 (2011)',
  },
  {
    source: 'UNSC',
    kind: 'AUTHORIZES',
    target: 'MONUSCO',
    from: '2010-05-28',
    instrument: 'S/RES/1925 (2010)',
  },
  {
    source: 'UNSC',
    kind: 'AUTHORIZES',
    target: 'MINUSCA',
    from: '2014-04-10',
    instrument: 'S/RES/2149 (2014)',
  },
  {
    source: 'UNSC',
    kind: 'AUTHORIZES',
    target: 'MINUSMA',
    from: '2013-04-25',
    ...ended(MINUSMA_END),
    instrument: 'S/RES/2100 (2013)',
    notes: 'Mandate terminated by S/RES/2690 (2023); withdrawal completed on 31 December 2023.',
  },
  {
    source: 'UNSC',
    kind: 'AUTHORIZES',
    target: 'AMISOM',
    from: '2007-02-20',
    ...ended(AMISOM_END),
    instrument: 'S/RES/1744 (2007)',
  },
  {
    source: 'UNSC',
    kind: 'AUTHORIZES',
    target: 'ATMIS',
    from: '2022-03-31',
    ...ended(ATMIS_END),
    instrument: 'S/RES/2628 (2022)',
  },
  {
    source: 'AUPSC',
    kind: 'AUTHORIZES',
    target: 'AMISOM',
    from: '2007-01-19',
    ...ended(AMISOM_END),
    instrument: 'Communiqué of the 69th meeting of the Peace and Security Council',
  },
  {
    source: 'AUPSC',
    kind: 'AUTHORIZES',
    target: 'ATMIS',
    from: '2022-03-08',
    ...ended(ATMIS_END),
    instrument: 'PSC/PR/COMM.1068(2022)',
  },
  {
    source: 'AMISOM',
    kind: 'SUCCEEDED_BY',
    target: 'ATMIS',
    from: ATMIS_START,
    notes: 'AMISOM was reconfigured into ATMIS.',
  },
];

function contributions(
  mission: string,
  troops: string[],
  police: string[],
  extra: Partial<Edge> = {},
): Edge[] {
  return [
    ...troops.map(
      (state): Edge => ({ source: state, kind: 'CONTRIBUTES_TROOPS', target: mission, ...extra }),
    ),
    ...police.map(
      (state): Edge => ({ source: state, kind: 'CONTRIBUTES_POLICE', target: mission, ...extra }),
    ),
  ];
}

const contributors: Edge[] = [
  ...contributions('UNMISS', ['IN', 'RW', 'NP', 'BD', 'CN', 'MN', 'GH'], ['RW', 'NP']),
  ...contributions('MONUSCO', ['IN', 'PK', 'BD', 'NP'], ['SN', 'EG']),
  ...contributions('MINUSCA', ['RW', 'BD', 'PK', 'EG', 'NP', 'ZM'], ['RW', 'SN']),
  ...contributions('MINUSMA', ['TD', 'BD', 'EG', 'SN', 'TG', 'BF', 'CN'], ['SN'], ended(MINUSMA_END)),
  ...contributions('AMISOM', ['UG', 'BI', 'KE', 'ET', 'DJ'], [], ended(AMISOM_END)),
  ...contributions('ATMIS', ['UG', 'BI', 'KE', 'ET', 'DJ'], [], { from: ATMIS_START, ...ended(ATMIS_END) }),
];

const auMembers = ['CD', 'CF', 'SO', 'RW', 'ET', 'UG', 'BI', 'KE', 'DJ', 'GH', 'EG', 'SN', 'TD', 'TG', 'ZM'];
const memberships: Edge[] = [
  ...auMembers.map((state): Edge => ({ source: state, kind: 'MEMBER_OF', target: 'AU', from: AU_LAUNCH })),
  { source: 'SS', kind: 'MEMBER_OF', target: 'AU', notes: 'Joined in 2011, after independence.' },
  {
    source: 'ML',
    kind: 'MEMBER_OF',
    target: 'AU',
    from: AU_LAUNCH,
    status: 'SUSPENDED',
    notes: 'Suspended from AU activities by the Peace and Security Council after the 2021 coup.',
  },
  {
    source: 'BF',
    kind: 'MEMBER_OF',
    target: 'AU',
    from: AU_LAUNCH,
    status: 'SUSPENDED',
    notes: 'Suspended from AU activities by the Peace and Security Council after the January 2022 coup.',
  },
  ...['GH', 'SN', 'TG'].map(
    (state): Edge => ({ source: state, kind: 'MEMBER_OF', target: 'ECOWAS', from: ECOWAS_TREATY }),
  ),
  ...['ML', 'BF'].map(
    (state): Edge => ({
      source: state,
      kind: 'MEMBER_OF',
      target: 'ECOWAS',
      from: ECOWAS_TREATY,
      to: AES_EXIT,
      status: 'TERMINATED',
      notes: 'Withdrew from ECOWAS together with Niger (Alliance of Sahel States).',
    }),
  ),
  ...['SS', 'SO', 'ET', 'KE', 'UG', 'DJ'].map(
    (state): Edge => ({ source: state, kind: 'MEMBER_OF', target: 'IGAD' }),
  ),
];

const cooperation: Edge[] = [
  ...['UNMISS', 'MONUSCO', 'MINUSCA'].map(
    (m): Edge => ({ source: 'DPO', kind: 'SUPPORTS', target: m, from: '2019-01-01' }),
  ),
  { source: 'DPO', kind: 'SUPPORTS', target: 'MINUSMA', from: '2019-01-01', ...ended(MINUSMA_END) },
  ...['UNMISS', 'MONUSCO', 'MINUSCA'].map(
    (m): Edge => ({ source: 'OHCHR', kind: 'COORDINATES_WITH', target: m }),
  ),
  { source: 'OCHA', kind: 'COORDINATES_WITH', target: 'UNMISS' },
  { source: 'OCHA', kind: 'COORDINATES_WITH', target: 'MONUSCO' },
  { source: 'UNHCR', kind: 'COORDINATES_WITH', target: 'UNMISS' },
  {
    source: 'EU',
    kind: 'FUNDS',
    target: 'AMISOM',
    ...ended(AMISOM_END),
    instrument: 'African Peace Facility',
  },
  {
    source: 'EU',
    kind: 'FUNDS',
    target: 'ATMIS',
    from: ATMIS_START,
    ...ended(ATMIS_END),
    instrument: 'European Peace Facility',
  },
  {
    source: 'IGAD',
    kind: 'COORDINATES_WITH',
    target: 'AU',
    notes: 'A Regional Economic Community of the African Union.',
  },
  {
    source: 'ECOWAS',
    kind: 'COORDINATES_WITH',
    target: 'AU',
    notes: 'A Regional Economic Community of the African Union.',
  },
  { source: 'EU', kind: 'COORDINATES_WITH', target: 'AU' },
];

export const edges: readonly Edge[] = [
  ...hosts,
  ...authorisations,
  ...contributors,
  ...memberships,
  ...cooperation,
];

export function partnershipRows(): Row[] {
  return edges.map((e) => ({
    id: seedId(`partnership:${e.source}:${e.kind}:${e.target}`),
    source_id: actorId(e.source),
    target_id: actorId(e.target),
    kind: e.kind,
    status: e.status ?? 'ACTIVE',
    valid_from: e.from ?? null,
    valid_to: e.to ?? null,
    instrument: e.instrument ?? null,
    notes: e.notes ?? null,
  }));
}
