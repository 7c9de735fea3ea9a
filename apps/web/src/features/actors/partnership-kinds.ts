import type { PartnershipKind, PartnershipStatus } from '@/gql/graphql';

type KindStyle = {
  /** Short label drawn on the edge. */
  label: string;
  /** The verb of "source VERB target", e.g. "South Sudan hosts UNMISS". */
  verb: string;
  /** Mid-tone colours that read on light and dark surfaces; the label always goes with them. */
  color: string;
};

/** A `Record` over the generated union, so a new kind in the schema fails the typecheck until named. */
export const PARTNERSHIP_KINDS: Record<PartnershipKind, KindStyle> = {
  AUTHORIZES: { label: 'Authorizes', verb: 'authorizes', color: '#7c3aed' },
  HOSTS: { label: 'Hosts', verb: 'hosts', color: '#15803d' },
  CONTRIBUTES_TROOPS: { label: 'Troops', verb: 'contributes troops to', color: '#c2410c' },
  CONTRIBUTES_POLICE: { label: 'Police', verb: 'contributes police to', color: '#a16207' },
  FUNDS: { label: 'Funds', verb: 'funds', color: '#0f766e' },
  SUPPORTS: { label: 'Supports', verb: 'supports', color: '#2563eb' },
  COORDINATES_WITH: { label: 'Coordinates', verb: 'coordinates with', color: '#0891b2' },
  IMPLEMENTS_FOR: { label: 'Implements', verb: 'implements for', color: '#be185d' },
  REPORTS_TO: { label: 'Reports to', verb: 'reports to', color: '#9333ea' },
  MEMBER_OF: { label: 'Member of', verb: 'is a member of', color: '#1d4ed8' },
  SUBSIDIARY_OF: { label: 'Subsidiary of', verb: 'is a subsidiary of', color: '#64748b' },
  SUCCEEDED_BY: { label: 'Succeeded by', verb: 'was succeeded by', color: '#78716c' },
};

export const PARTNERSHIP_STATUS_LABELS: Record<PartnershipStatus, string> = {
  PROPOSED: 'Proposed',
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  EXPIRED: 'Expired',
  TERMINATED: 'Terminated',
};

/** Unknown kinds (a schema newer than this build) still show, in grey, under their own name. */
export function partnershipKindStyle(kind: PartnershipKind): KindStyle {
  return PARTNERSHIP_KINDS[kind] ?? { label: kind, verb: kind.toLowerCase(), color: '#64748b' };
}
