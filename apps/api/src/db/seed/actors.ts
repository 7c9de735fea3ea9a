import type { ActorKind } from '@concord/shared';
import { seedId } from './ids';
import type { Row } from './rows';

type ActorSeed = {
  key: string;
  name: string;
  acronym?: string;
  kind: ActorKind;
  parent?: string;
  countryCode?: string;
  region?: string;
  description?: string;
  website?: string;
};

/** The id of a seeded actor, by its seed key (an acronym, or ISO code for states). */
export const actorId = (key: string) => seedId(`actor:${key}`);

const un: ActorSeed[] = [
  {
    key: 'UNSC',
    name: 'United Nations Security Council',
    acronym: 'UNSC',
    kind: 'UN_PRINCIPAL_ORGAN',
    description:
      'Primary responsibility for the maintenance of international peace and security (UN Charter, Art. 24).',
    website: 'https://www.un.org/securitycouncil/',
  },
  {
    key: 'UNGA',
    name: 'United Nations General Assembly',
    acronym: 'UNGA',
    kind: 'UN_PRINCIPAL_ORGAN',
    website: 'https://www.un.org/en/ga/',
  },
  {
    key: 'SECRETARIAT',
    name: 'United Nations Secretariat',
    kind: 'UN_PRINCIPAL_ORGAN',
    website: 'https://www.un.org/en/about-us/secretariat',
  },
  {
    key: 'ECOSOC',
    name: 'Economic and Social Council',
    acronym: 'ECOSOC',
    kind: 'UN_PRINCIPAL_ORGAN',
    website: 'https://www.un.org/ecosoc/',
  },
  {
    key: 'ICJ',
    name: 'International Court of Justice',
    acronym: 'ICJ',
    kind: 'UN_PRINCIPAL_ORGAN',
    website: 'https://www.icj-cij.org/',
  },
  {
    key: 'TRUSTEESHIP',
    name: 'Trusteeship Council',
    kind: 'UN_PRINCIPAL_ORGAN',
    description:
      'Suspended operation on 1 November 1994, after Palau, the last trust territory, became independent.',
  },
  {
    key: 'DPO',
    name: 'Department of Peace Operations',
    acronym: 'DPO',
    kind: 'UN_SECRETARIAT_ENTITY',
    parent: 'SECRETARIAT',
    description: 'Plans, directs and supports UN peacekeeping operations; established on 1 January 2019.',
    website: 'https://peacekeeping.un.org/',
  },
  {
    key: 'DPPA',
    name: 'Department of Political and Peacebuilding Affairs',
    acronym: 'DPPA',
    kind: 'UN_SECRETARIAT_ENTITY',
    parent: 'SECRETARIAT',
    description:
      'Conflict prevention, mediation and special political missions; established on 1 January 2019.',
    website: 'https://dppa.un.org/',
  },
  {
    key: 'OSAPG',
    name: 'Office on Genocide Prevention and the Responsibility to Protect',
    kind: 'UN_SECRETARIAT_ENTITY',
    parent: 'SECRETARIAT',
    description:
      'Supports the Special Advisers on the Prevention of Genocide and on the Responsibility to Protect; author of the Framework of Analysis for Atrocity Crimes (2014).',
    website: 'https://www.un.org/en/genocideprevention/',
  },
  {
    key: 'OCHA',
    name: 'Office for the Coordination of Humanitarian Affairs',
    acronym: 'OCHA',
    kind: 'UN_SECRETARIAT_ENTITY',
    parent: 'SECRETARIAT',
    website: 'https://www.unocha.org/',
  },
  {
    key: 'OHCHR',
    name: 'Office of the United Nations High Commissioner for Human Rights',
    acronym: 'OHCHR',
    kind: 'UN_AGENCY_FUND_PROGRAMME',
    parent: 'SECRETARIAT',
    website: 'https://www.ohchr.org/',
  },
  {
    key: 'UNHCR',
    name: 'Office of the United Nations High Commissioner for Refugees',
    acronym: 'UNHCR',
    kind: 'UN_AGENCY_FUND_PROGRAMME',
    parent: 'UNGA',
    description: 'Established by General Assembly resolution 428 (V) of 14 December 1950.',
    website: 'https://www.unhcr.org/',
  },
];

const missions: ActorSeed[] = [
  {
    key: 'UNMISS',
    name: 'United Nations Mission in the Republic of South Sudan',
    acronym: 'UNMISS',
    kind: 'UN_PEACE_OPERATION',
    parent: 'UNSC',
    region: 'Africa',
    description: 'Established by Security Council resolution 1996 (2011) of 8 July 2011, from 9 July 2011.',
    website: 'https://unmiss.unmissions.org/',
  },
  {
    key: 'MONUSCO',
    name: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
    acronym: 'MONUSCO',
    kind: 'UN_PEACE_OPERATION',
    parent: 'UNSC',
    region: 'Africa',
    description: 'Succeeded MONUC on 1 July 2010 under Security Council resolution 1925 (2010).',
    website: 'https://monusco.unmissions.org/',
  },
  {
    key: 'MINUSCA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
    acronym: 'MINUSCA',
    kind: 'UN_PEACE_OPERATION',
    parent: 'UNSC',
    region: 'Africa',
    description: 'Established by resolution 2149 (2014); took over from MISCA on 15 September 2014.',
    website: 'https://minusca.unmissions.org/',
  },
  {
    key: 'MINUSMA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
    acronym: 'MINUSMA',
    kind: 'UN_PEACE_OPERATION',
    parent: 'UNSC',
    region: 'Africa',
    description:
      'Established by resolution 2100 (2013), took over from AFISMA on 1 July 2013; mandate terminated by resolution 2690 (2023), withdrawal completed on 31 December 2023.',
  },
  {
    key: 'AMISOM',
    name: 'African Union Mission in Somalia',
    acronym: 'AMISOM',
    kind: 'REGIONAL_PEACE_OPERATION',
    parent: 'AU',
    region: 'Africa',
    description:
      'Established by the AU Peace and Security Council in January 2007 and authorised by Security Council resolution 1744 (2007); reconfigured into ATMIS on 1 April 2022.',
  },
  {
    key: 'ATMIS',
    name: 'African Union Transition Mission in Somalia',
    acronym: 'ATMIS',
    kind: 'REGIONAL_PEACE_OPERATION',
    parent: 'AU',
    region: 'Africa',
    description:
      'Succeeded AMISOM on 1 April 2022 (Security Council resolution 2628 (2022)); authorised until 31 December 2024 by resolution 2748 (2024).',
    website: 'https://atmis-au.org/',
  },
];

const regional: ActorSeed[] = [
  {
    key: 'AU',
    name: 'African Union',
    acronym: 'AU',
    kind: 'REGIONAL_ORGANIZATION',
    region: 'Africa',
    description: 'Launched on 9 July 2002, succeeding the Organisation of African Unity.',
    website: 'https://au.int/',
  },
  {
    key: 'AUPSC',
    name: 'Peace and Security Council of the African Union',
    acronym: 'AU PSC',
    kind: 'REGIONAL_ORGAN',
    parent: 'AU',
    region: 'Africa',
    website: 'https://www.peaceau.org/',
  },
  {
    key: 'ECOWAS',
    name: 'Economic Community of West African States',
    acronym: 'ECOWAS',
    kind: 'REGIONAL_ORGANIZATION',
    region: 'Africa',
    description: 'Founded by the Treaty of Lagos of 28 May 1975.',
    website: 'https://www.ecowas.int/',
  },
  {
    key: 'IGAD',
    name: 'Intergovernmental Authority on Development',
    acronym: 'IGAD',
    kind: 'REGIONAL_ORGANIZATION',
    region: 'Africa',
    website: 'https://igad.int/',
  },
  {
    key: 'EU',
    name: 'European Union',
    acronym: 'EU',
    kind: 'REGIONAL_ORGANIZATION',
    region: 'Europe',
    website: 'https://european-union.europa.eu/',
  },
  {
    key: 'OSCE',
    name: 'Organization for Security and Co-operation in Europe',
    acronym: 'OSCE',
    kind: 'REGIONAL_ORGANIZATION',
    region: 'Europe',
    website: 'https://www.osce.org/',
  },
  { key: 'OSCEPC', name: 'OSCE Permanent Council', kind: 'REGIONAL_ORGAN', parent: 'OSCE', region: 'Europe' },
];

const states: [code: string, name: string, region: string][] = [
  ['SS', 'South Sudan', 'Africa'],
  ['CD', 'Democratic Republic of the Congo', 'Africa'],
  ['CF', 'Central African Republic', 'Africa'],
  ['ML', 'Mali', 'Africa'],
  ['SO', 'Somalia', 'Africa'],
  ['RW', 'Rwanda', 'Africa'],
  ['ET', 'Ethiopia', 'Africa'],
  ['UG', 'Uganda', 'Africa'],
  ['BI', 'Burundi', 'Africa'],
  ['KE', 'Kenya', 'Africa'],
  ['DJ', 'Djibouti', 'Africa'],
  ['GH', 'Ghana', 'Africa'],
  ['EG', 'Egypt', 'Africa'],
  ['SN', 'Senegal', 'Africa'],
  ['TD', 'Chad', 'Africa'],
  ['TG', 'Togo', 'Africa'],
  ['BF', 'Burkina Faso', 'Africa'],
  ['ZM', 'Zambia', 'Africa'],
  ['BD', 'Bangladesh', 'Asia'],
  ['NP', 'Nepal', 'Asia'],
  ['IN', 'India', 'Asia'],
  ['PK', 'Pakistan', 'Asia'],
  ['CN', 'China', 'Asia'],
  ['MN', 'Mongolia', 'Asia'],
];

const memberStates: ActorSeed[] = states.map(([code, name, region]) => ({
  key: code,
  name,
  kind: 'MEMBER_STATE',
  countryCode: code,
  region,
}));

/** Parents and children go in one statement: PostgreSQL checks foreign keys at its end. */
export const actorSeeds: readonly ActorSeed[] = [...un, ...regional, ...missions, ...memberStates];

export function actorRows(): Row[] {
  return actorSeeds.map((a) => ({
    id: actorId(a.key),
    name: a.name,
    acronym: a.acronym ?? null,
    kind: a.kind,
    country_code: a.countryCode ?? null,
    region: a.region ?? null,
    description: a.description ?? null,
    website: a.website ?? null,
    parent_id: a.parent ? actorId(a.parent) : null,
  }));
}
