import { AsyncLocalStorage } from 'node:async_hooks';
import type { MembershipRole, TokenScope } from '@concord/shared';

/** Who is asking: a signed-in person, an integrator token, or nobody. */
export type Viewer = {
  kind: 'anonymous' | 'user' | 'token';
  userId: string | null;
  sessionId: string | null;
  tokenId: string | null;
  /** The organisations the viewer acts for, with the role held in each. */
  memberships: readonly { actorId: string; role: MembershipRole }[];
  /** A token's scopes; null for a person (not limited by scopes). */
  scopes: readonly TokenScope[] | null;
};

export const anonymousViewer: Viewer = Object.freeze({
  kind: 'anonymous',
  userId: null,
  sessionId: null,
  tokenId: null,
  memberships: [],
  scopes: null,
});

/** What every part of a request may need without passing it down: who, which request, from where. */
export type RequestScope = {
  viewer: Viewer;
  requestId: string;
  ipAddress: string | null;
  /** Root fields of the running operation, for the audit log. */
  operation?: string;
};

export const requestScope = new AsyncLocalStorage<RequestScope>();
