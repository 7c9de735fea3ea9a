import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { toGlobalId } from '../../common/ids';
import { Node } from '../../common/node';
import { nodeLoader } from '../../common/node-registry';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { userById } from '../accounts/account.loaders';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { responsePlanById } from '../plans/plan.loaders';
import { ResponsePlan } from '../plans/response-plan.entity';
import { PlanSnapshot } from './as-of.types';
import {
  RestoreRevisionFieldInput,
  RestoreRevisionFieldPayload,
  RevisionConnection,
  RevisionFilter,
  RevisionOrder,
} from './history.inputs';
import { historyService } from './history.service';
import { Revision } from './revision.entity';
import { type FieldChange, presentFields } from './revision-entries';

@Resolver(() => Revision)
export class RevisionResolver {
  @FieldResolver(() => ID, { description: 'Global id of the changed record.' })
  entityId(@Parent() revision: Revision): string {
    return toGlobalId(revision.entityType, revision.entityId);
  }

  @FieldResolver(() => String, {
    description:
      'Order of this revision among all revisions (an integer as text; a larger one is later). Pass the revision to responsePlanAsOf to read the plan as it was then.',
  })
  position(@Parent() revision: Revision): string {
    return String(revision.seq);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'Changed fields: { field: { before, after } }. References are global ids; set fields (riskFactorIds, dependsOnIds, requiredCapabilities) are sorted lists.',
  })
  fields(@Parent() revision: Revision): Record<string, FieldChange> {
    return presentFields(revision.fields as Record<string, FieldChange>, toGlobalId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who made the change; null for the system (escalations).',
  })
  user(@Parent() revision: Revision, @Ctx() ctx: Context) {
    return revision.userId ? userById(ctx).load(revision.userId) : null;
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'The organisation the author acted for in this plan.',
  })
  actor(@Parent() revision: Revision, @Ctx() ctx: Context) {
    return revision.actorId ? actorById(ctx).load(revision.actorId) : null;
  }

  @FieldResolver(() => ResponsePlan)
  plan(@Parent() revision: Revision, @Ctx() ctx: Context) {
    return responsePlanById(ctx).load(revision.planId);
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The changed record as it is now; null once deleted.',
  })
  async entity(@Parent() revision: Revision, @Ctx() ctx: Context) {
    const row = await nodeLoader(revision.entityType)?.(ctx).load(revision.entityId);
    return row ? Object.assign(row, { __typename: revision.entityType }) : null;
  }

  @Query(() => PlanSnapshot, {
    description:
      "A plan as it was right after one revision of its history: title, status and the other fields, and its tasks' states then. Same access as the plan's history (its members and administrators).",
  })
  responsePlanAsOf(
    @Arg('id', () => ID, { description: 'The plan.' }) id: string,
    @Arg('revisionId', () => ID, { description: 'A revision from the plan’s history.' }) revisionId: string,
    @Ctx() ctx: Context,
  ) {
    return historyService.planAsOf(ctx, id, revisionId);
  }

  @Mutation(() => RestoreRevisionFieldPayload, {
    description:
      'Restores one field to the value it had before a change, as an edit of the record by you: editors of the plan only, compare-and-set on expectedVersion (stale → CONFLICT), and recorded as a new revision.',
  })
  restoreRevisionField(
    @Arg('input', () => RestoreRevisionFieldInput) input: RestoreRevisionFieldInput,
    @Ctx() ctx: Context,
  ) {
    return historyService.restoreField(ctx, input);
  }
}

/** A plan's history hangs off the plan here, so the plans module need not know about revisions. */
@Resolver(() => ResponsePlan)
export class PlanHistoryResolver {
  @FieldResolver(() => RevisionConnection, {
    description:
      'Every change to the plan and its parts (phases, objectives, tasks, assignments, participants, and their sets), newest first. For members of the taking-part organisations and administrators; empty for a partner that sees the plan only through its assignments.',
  })
  history(
    @Parent() plan: ResponsePlan,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RevisionFilter, { nullable: true }) filter: RevisionFilter | null,
    @Arg('orderBy', () => RevisionOrder, { nullable: true }) orderBy: RevisionOrder | null,
    @Ctx() ctx: Context,
  ) {
    return historyService.ofPlan(ctx, plan, page, filter, orderBy);
  }
}
