import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver } from 'type-graphql';
import { authorize } from '../../common/authz';
import { connectionType, PageArgs, toPage } from '../../common/connection';
import { fromGlobalId, parseGlobalId, toGlobalId } from '../../common/ids';
import { defineList, listPage } from '../../common/listing';
import { Parent } from '../../common/parent';
import { DateTimeScalar } from '../../common/scalars';
import type { Context } from '../../context';
import { userById } from '../accounts/account.loaders';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { AuditEvent } from './audit-event.entity';

@InputType('AuditEventFilter')
export class AuditEventFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) action?: string | null;
  @Field(() => String, { nullable: true, description: 'SUCCESS, FAILURE or DENIED.' })
  @IsOptional()
  @MaxLength(20)
  outcome?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) entityType?: string | null;
  @Field(() => ID, { nullable: true, description: 'Global id of the record the events are about.' })
  @IsOptional()
  entityId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() userId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() actorId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) @IsOptional() from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) @IsOptional() to?: Date | null;
}

const AuditEventConnection = connectionType(AuditEvent, 'AuditEvent');
const auditList = defineList('auditEvents', AuditEvent, 'e', {
  OCCURRED_AT: { expr: 'e.occurred_at', cast: 'timestamptz' },
});

@Resolver(() => AuditEvent)
export class AuditResolver {
  @FieldResolver(() => ID)
  id(@Parent() event: AuditEvent) {
    return toGlobalId('AuditEvent', event.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the record concerned.' })
  entityId(@Parent() event: AuditEvent) {
    return event.entityId && event.entityType ? toGlobalId(event.entityType, event.entityId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  user(@Parent() event: AuditEvent, @Ctx() ctx: Context) {
    return event.userId ? userById(ctx).load(event.userId) : null;
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'The organisation the person or token acted for.',
  })
  actor(@Parent() event: AuditEvent, @Ctx() ctx: Context) {
    return event.actorId ? actorById(ctx).load(event.actorId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '"session" or "token": how the caller signed in.',
  })
  via(@Parent() event: AuditEvent) {
    return event.tokenId ? 'token' : event.sessionId ? 'session' : null;
  }

  @Query(() => AuditEventConnection, { description: 'The audit log, newest first. Administrators only.' })
  async auditEvents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Ctx() ctx: Context,
  ) {
    await authorize(ctx, 'audit.read');
    const entityId = filter?.entityId
      ? (parseGlobalId(filter.entityId)?.id ?? '00000000-0000-0000-0000-000000000000')
      : null;
    const userId = filter?.userId ? fromGlobalId('User', filter.userId, 'filter.userId') : null;
    const actorId = filter?.actorId ? fromGlobalId('Actor', filter.actorId, 'filter.actorId') : null;
    return listPage(
      ctx.db,
      auditList(ctx.db),
      (q) => {
        if (filter?.action) q.and(`e.action = ${q.p(filter.action)}`);
        if (filter?.outcome) q.and(`e.outcome = ${q.p(filter.outcome)}`);
        if (filter?.entityType) q.and(`e.entity_type = ${q.p(filter.entityType)}`);
        if (entityId) q.and(`e.entity_id = ${q.p(entityId)}::uuid`);
        if (userId) q.and(`e.user_id = ${q.p(userId)}::uuid`);
        if (actorId) q.and(`e.actor_id = ${q.p(actorId)}::uuid`);
        if (filter?.from) q.and(`e.occurred_at >= ${q.p(filter.from)}`);
        if (filter?.to) q.and(`e.occurred_at < ${q.p(filter.to)}`);
      },
      { field: 'OCCURRED_AT', direction: 'DESC' },
      toPage(page),
    );
  }
}
