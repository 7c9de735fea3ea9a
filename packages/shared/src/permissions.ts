/**
 * Who may do what: the one table the API enforces and the web app reads to hide what a person may
 * not do. Record-level rules (which plan, which organisation) are applied on top by the API.
 */
const values = <const T extends readonly string[]>(...items: T) =>
  Object.freeze(Object.fromEntries(items.map((item) => [item, item]))) as { readonly [K in T[number]]: K };

export const MembershipRole = values('ADMIN', 'LIAISON', 'PARTNER', 'VIEWER');
export type MembershipRole = keyof typeof MembershipRole;

/** How widely a record may be read, from everyone to the lead organisation's officers only. */
export const Classification = values('PUBLIC', 'PARTICIPANTS', 'RESTRICTED', 'CONFIDENTIAL');
export type Classification = keyof typeof Classification;

/** Integrator token scopes (GraphQL enum values; the wire form is `read:graph` etc.). */
export const TokenScope = values('READ_GRAPH', 'READ_ASSESSMENTS', 'WRITE_ASSIGNMENTS');
export type TokenScope = keyof typeof TokenScope;
export const tokenScopeLabel: Record<TokenScope, string> = {
  READ_GRAPH: 'read:graph',
  READ_ASSESSMENTS: 'read:assessments',
  WRITE_ASSIGNMENTS: 'write:assignments',
};

export type Action =
  | 'graph.read'
  | 'assessment.read'
  | 'actor.manage'
  | 'mandate.manage'
  | 'situation.manage'
  | 'assessment.manage'
  | 'plan.create'
  | 'plan.edit'
  | 'task.assign'
  | 'assignment.respond'
  | 'capability.pledge'
  | 'alert.manage'
  | 'alert.acknowledge'
  | 'token.manage'
  | 'user.manage'
  | 'audit.read'
  | 'lease.break'
  | 'webhook.manage';

/** The roles that may perform an action at all. */
export const permissionTable: Record<Action, readonly MembershipRole[]> = {
  'graph.read': ['ADMIN', 'LIAISON', 'PARTNER', 'VIEWER'],
  'assessment.read': ['ADMIN', 'LIAISON', 'PARTNER', 'VIEWER'],
  'actor.manage': ['ADMIN'],
  'mandate.manage': ['ADMIN'],
  'situation.manage': ['ADMIN', 'LIAISON'],
  'assessment.manage': ['ADMIN', 'LIAISON'],
  'plan.create': ['ADMIN', 'LIAISON'],
  'plan.edit': ['ADMIN', 'LIAISON'],
  'task.assign': ['ADMIN', 'LIAISON'],
  'assignment.respond': ['ADMIN', 'LIAISON', 'PARTNER'],
  'capability.pledge': ['ADMIN', 'LIAISON'],
  'alert.manage': ['ADMIN', 'LIAISON'],
  'alert.acknowledge': ['ADMIN', 'LIAISON', 'PARTNER', 'VIEWER'],
  'token.manage': ['ADMIN', 'LIAISON', 'PARTNER', 'VIEWER'],
  'user.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
  'lease.break': ['ADMIN'],
  'webhook.manage': ['ADMIN', 'LIAISON'],
};

/** Token scopes an action needs when the caller is an integrator token. */
export const scopeFor: Partial<Record<Action, TokenScope>> = {
  'graph.read': 'READ_GRAPH',
  'assessment.read': 'READ_ASSESSMENTS',
  'assignment.respond': 'WRITE_ASSIGNMENTS',
};

/** The most a role may read. */
export const clearance: Record<MembershipRole, Classification> = {
  ADMIN: 'CONFIDENTIAL',
  LIAISON: 'RESTRICTED',
  PARTNER: 'PARTICIPANTS',
  VIEWER: 'PARTICIPANTS',
};

const order: Classification[] = ['PUBLIC', 'PARTICIPANTS', 'RESTRICTED', 'CONFIDENTIAL'];
export const classificationRank = (c: Classification) => order.indexOf(c);

/** Whether any of the roles allows the action. */
export function roleAllows(roles: readonly MembershipRole[], action: Action): boolean {
  const allowed = permissionTable[action];
  return roles.some((role) => allowed.includes(role));
}
