import type { MandatedTaskKind } from '@/gql/graphql';

export const MANDATED_TASK_KIND_LABELS: Record<MandatedTaskKind, string> = {
  PROTECTION_OF_CIVILIANS: 'Protection of civilians',
  CEASEFIRE_MONITORING: 'Ceasefire monitoring',
  HUMAN_RIGHTS_MONITORING: 'Human rights monitoring',
  HUMANITARIAN_ACCESS: 'Humanitarian access',
  PEACE_PROCESS_SUPPORT: 'Peace process support',
  DDR: 'Disarmament, demobilization and reintegration',
  SSR: 'Security sector reform',
  CHILD_PROTECTION: 'Child protection',
  CONFLICT_RELATED_SEXUAL_VIOLENCE: 'Conflict-related sexual violence',
  ELECTORAL_SUPPORT: 'Electoral support',
  MINE_ACTION: 'Mine action',
  PUBLIC_INFORMATION: 'Public information',
  RULE_OF_LAW: 'Rule of law',
  STATE_AUTHORITY_EXTENSION: 'Extension of state authority',
  OTHER: 'Other',
};
