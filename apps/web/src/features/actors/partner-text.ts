import type { ActorLinkFragment, PartnerEdgeFieldsFragment } from '@/gql/graphql';
import { formatDate } from '@/lib/format/dates';
import { PARTNERSHIP_STATUS_LABELS, partnershipKindStyle } from './partnership-kinds';

export const shortName = (actor: ActorLinkFragment) => actor.acronym ?? actor.name;

/** "South Sudan hosts UNMISS": the partnership read in its own direction. */
export function relationship(edge: PartnerEdgeFieldsFragment, centre: ActorLinkFragment): string {
  const verb = partnershipKindStyle(edge.partnership.kind).verb;
  return edge.direction === 'OUTGOING'
    ? `${shortName(centre)} ${verb} ${edge.node.name}`
    : `${edge.node.name} ${verb} ${shortName(centre)}`;
}

/** "9 July 2011 to 31 December 2023", "since 9 July 2011", "until …", or "no dates recorded". */
export function validity({ validFrom, validTo }: PartnerEdgeFieldsFragment['partnership']): string {
  if (validFrom && validTo) return `${formatDate(validFrom)} to ${formatDate(validTo)}`;
  if (validFrom) return `since ${formatDate(validFrom)}`;
  if (validTo) return `until ${formatDate(validTo)}`;
  return 'no dates recorded';
}

export function statusLabel(edge: PartnerEdgeFieldsFragment): string {
  return PARTNERSHIP_STATUS_LABELS[edge.partnership.status] ?? edge.partnership.status;
}

/** One sentence per partnership, for a link's accessible name and the details panel. */
export function describePartnership(edge: PartnerEdgeFieldsFragment, centre: ActorLinkFragment): string {
  const parts = [relationship(edge, centre), statusLabel(edge).toLowerCase(), validity(edge.partnership)];
  if (edge.partnership.instrument) parts.push(edge.partnership.instrument);
  return parts.join(', ');
}
