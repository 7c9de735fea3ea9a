import type { Context } from '../context';
import { actorIdsWith, isAdmin, requireSignedIn } from './authz';
import { AppError } from './errors';
import { Sql } from './sql';
import { planReadable } from './visibility';

export type PlanAccess = { readable: boolean; editor: boolean; leadOfficer: boolean };

/** What the viewer may do with a plan, in one statement. A missing plan reads as not readable. */
export async function planAccess(ctx: Context, planId: string): Promise<PlanAccess> {
  const q = new Sql();
  const id = q.p(planId);
  const readable = planReadable(q, ctx.viewer, 'p');
  const admin = isAdmin(ctx.viewer);
  const officerIds = q.p(ctx.viewer.scopes ? [] : actorIdsWith(ctx.viewer, ['LIAISON']));
  const [row] = await ctx.db.query<PlanAccess>(
    `SELECT ${readable} AS readable,
       (${admin} OR EXISTS (SELECT 1 FROM plan_participant pp WHERE pp.plan_id = p.id
          AND pp.role IN ('LEAD', 'CONTRIBUTOR') AND pp.actor_id = ANY(${officerIds}::uuid[]))) AS editor,
       (${admin} OR p.lead_actor_id = ANY(${officerIds}::uuid[])) AS "leadOfficer"
     FROM response_plan p WHERE p.id = ${id}::uuid`,
    q.params,
  );
  return row ?? { readable: false, editor: false, leadOfficer: false };
}

/**
 * Guards a change to a plan or anything in it: nobody → UNAUTHENTICATED; a plan the viewer cannot
 * read → NOT_FOUND (its existence is not revealed); readable but not theirs to edit → FORBIDDEN,
 * audited. `lead` demands a liaison of the lead organisation (participants, classification).
 */
export async function requirePlanEditor(
  ctx: Context,
  planId: string,
  options: { lead?: boolean } = {},
): Promise<void> {
  requireSignedIn(ctx);
  const access = await planAccess(ctx, planId);
  if (!access.readable) throw new AppError('NOT_FOUND', 'plan was not found');
  if (options.lead ? access.leadOfficer : access.editor) return;
  await ctx.db
    .auditEvent({
      action: options.lead ? 'plan.lead' : 'plan.edit',
      outcome: 'DENIED',
      entityType: 'ResponsePlan',
      entityId: planId,
    })
    .catch(() => undefined);
  throw new AppError(
    'FORBIDDEN',
    options.lead ? 'only the lead organisation may do this' : 'your organisation does not edit this plan',
  );
}
