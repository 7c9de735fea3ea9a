import { type MembershipRole, tokenScopeLabel } from '@concord/shared';
import type { TokenScope } from '@/gql/graphql';

export type ScopeInfo = { scope: TokenScope; label: string; wire: string; explanation: string };

/** What each scope lets a system do, in the words a person choosing them needs. */
export const SCOPES: ScopeInfo[] = [
  {
    scope: 'READ_GRAPH',
    label: 'Read the graph',
    wire: tokenScopeLabel.READ_GRAPH,
    explanation:
      'Actors, partnerships, mandates and situations, and the plans, tasks and assignments your organisation may see.',
  },
  {
    scope: 'READ_ASSESSMENTS',
    label: 'Read assessments',
    wire: tokenScopeLabel.READ_ASSESSMENTS,
    explanation: 'Risk assessments and observations your organisation may see.',
  },
  {
    scope: 'WRITE_ASSIGNMENTS',
    label: 'Answer assignments',
    wire: tokenScopeLabel.WRITE_ASSIGNMENTS,
    explanation:
      'Accept, decline or counter-propose the tasks given to your organisation, and report progress on them. It cannot change plans.',
  },
];

export const scopeLabel = (scope: TokenScope) => SCOPES.find((s) => s.scope === scope)?.label ?? scope;

/** The API lets only liaisons and partners (and administrators) give a token write:assignments. */
export function mayGrantWrite(role: MembershipRole): boolean {
  return role === 'ADMIN' || role === 'LIAISON' || role === 'PARTNER';
}
