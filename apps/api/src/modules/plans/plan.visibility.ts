import { isAdmin } from '../../common/authz';
import type { Filter } from '../../common/listing';
import type { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { planReadable, planReadableAsMember, readsPlansOnlyAsMember } from '../../common/visibility';

// The read rules of common/visibility.ts as list filters. Each is applied in the statement that
// reads the rows (lists, their counts, loaders, node), so a record out of reach is simply absent.

/** A filter from a read rule; an administrator's reads carry no condition at all. */
export function readableBy(viewer: Viewer, rule: (q: Sql, viewer: Viewer) => string): Filter {
  if (isAdmin(viewer)) return () => {};
  return (q) => {
    q.and(rule(q, viewer));
  };
}

/** Both filters, in order. */
export function both(first: Filter, second: Filter): Filter {
  return (q) => {
    first(q);
    second(q);
  };
}

/**
 * The rule of a list under a plan or task the viewer was already shown, which is how every such
 * parent reaches a resolver (all loaders and lists apply the rules). When the viewer reads plans
 * only as a member, everything in the parent's plan is readable: the hot nested read
 * (plans → tasks → assignments) then runs the same statements as an administrator's.
 */
export function underReadable(viewer: Viewer, rule: Filter): Filter {
  return readsPlansOnlyAsMember(viewer) ? () => {} : rule;
}

/** Plans (alias `p`) the viewer may read, as a member or through its organisation's assignments. */
export const readablePlans = (viewer: Viewer): Filter =>
  readableBy(viewer, (q, v) => planReadable(q, v, 'p'));

/**
 * Records that belong to a plan (phases, objectives, participants) go with the plan, for its
 * members only: a partner that sees the plan through an assignment sees none of them.
 */
export const inMemberPlan = (viewer: Viewer, planColumn: string): Filter =>
  readableBy(
    viewer,
    (q, v) =>
      `EXISTS (SELECT 1 FROM response_plan vmp WHERE vmp.id = ${planColumn} AND ${planReadableAsMember(q, v, 'vmp')})`,
  );
