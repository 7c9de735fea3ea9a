import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Node } from '../../common/node';
import { nodeLoader } from '../../common/node-registry';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { Notification } from './notification.entity';
import {
  MarkNotificationReadInput,
  MarkNotificationReadPayload,
  NotificationConnection,
  NotificationFilter,
  NotificationOrder,
} from './notification.inputs';
import { notificationService } from './notification.service';

@Resolver(() => Notification)
export class NotificationResolver {
  @FieldResolver(() => Actor, { description: 'The organisation notified.' })
  actor(@Parent() notification: Notification, @Ctx() ctx: Context) {
    return actorById(ctx).load(notification.actorId);
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'What it is about, when you may read it (e.g. the escalated assignment).',
  })
  async subject(@Parent() notification: Notification, @Ctx() ctx: Context) {
    const { entityType, entityId } = notification;
    const loader = entityType ? nodeLoader(entityType) : undefined;
    if (!loader || !entityId || !entityType) return null;
    const row = await loader(ctx).load(entityId);
    return row ? Object.assign(row, { __typename: entityType }) : null;
  }

  @Query(() => NotificationConnection, {
    description: 'Notifications of the organisations you are a liaison of, newest first.',
  })
  notifications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NotificationFilter, { nullable: true }) filter: NotificationFilter | null,
    @Arg('orderBy', () => NotificationOrder, { nullable: true }) orderBy: NotificationOrder | null,
    @Ctx() ctx: Context,
  ) {
    return notificationService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => MarkNotificationReadPayload, {
    description: 'Marks a notification read for its whole organisation.',
  })
  async markNotificationRead(
    @Arg('input', () => MarkNotificationReadInput) input: MarkNotificationReadInput,
    @Ctx() ctx: Context,
  ) {
    return { notification: await notificationService.markRead(ctx, input) };
  }
}
