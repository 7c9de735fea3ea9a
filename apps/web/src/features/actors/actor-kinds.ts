import type { ActorKind } from '@/gql/graphql';

/**
 * Labels in the order people look for them: the UN system, regional bodies, states, then others.
 * A `Record` over the generated union, so a new kind in the schema fails the typecheck until named.
 */
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  UN_PRINCIPAL_ORGAN: 'UN principal organ',
  UN_SECRETARIAT_ENTITY: 'UN Secretariat entity',
  UN_PEACE_OPERATION: 'UN peace operation',
  UN_AGENCY_FUND_PROGRAMME: 'UN agency, fund or programme',
  REGIONAL_ORGANIZATION: 'Regional organization',
  REGIONAL_ORGAN: 'Regional organ',
  REGIONAL_PEACE_OPERATION: 'Regional peace operation',
  MEMBER_STATE: 'Member State',
  STATE_INSTITUTION: 'State institution',
  CIVIL_SOCIETY: 'Civil society',
  ACADEMIC: 'Academic',
  DATA_PROVIDER: 'Data provider',
};

export const ACTOR_KINDS = Object.keys(ACTOR_KIND_LABELS) as ActorKind[];

export function isActorKind(value: unknown): value is ActorKind {
  return typeof value === 'string' && Object.hasOwn(ACTOR_KIND_LABELS, value);
}
