import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import {
  CreateWebhookSubscriptionInput,
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionInput,
  DeleteWebhookSubscriptionPayload,
  UpdateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryFilter,
  WebhookOrder,
  WebhookSubscriptionConnection,
  WebhookSubscriptionFilter,
} from './webhook.inputs';
import type { SubscriptionRow } from './webhook.loaders';
import { webhookService } from './webhook.service';
import { WebhookSubscription } from './webhook-subscription.entity';

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @FieldResolver(() => Actor, { description: 'The organisation whose events it receives.' })
  actor(@Parent() subscription: SubscriptionRow, @Ctx() ctx: Context) {
    return actorById(ctx).load(subscription.actorId);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first.' })
  deliveries(
    @Parent() subscription: SubscriptionRow,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
    @Arg('orderBy', () => WebhookOrder, { nullable: true }) orderBy: WebhookOrder | null,
    @Ctx() ctx: Context,
  ) {
    return webhookService.deliveries(ctx, subscription.id, page, filter, orderBy);
  }

  @Query(() => WebhookSubscriptionConnection, {
    description:
      "Integrators' URLs receiving signed events (ALERT_ISSUED, ASSIGNMENT_ANSWERED, PLAN_STATUS_CHANGED) of your organisations: for their liaisons and administrators.",
  })
  webhookSubscriptions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WebhookSubscriptionFilter, { nullable: true })
    filter: WebhookSubscriptionFilter | null,
    @Arg('orderBy', () => WebhookOrder, { nullable: true }) orderBy: WebhookOrder | null,
    @Ctx() ctx: Context,
  ) {
    return webhookService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description:
      'Subscribes a URL to events of an organisation that the organisation may see (at most what an integrator token of it reads). Returns the signing secret once.',
  })
  createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return webhookService.create(ctx, input);
  }

  @Mutation(() => UpdateWebhookSubscriptionPayload)
  updateWebhookSubscription(
    @Arg('input', () => UpdateWebhookSubscriptionInput) input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return webhookService.update(ctx, input);
  }

  @Mutation(() => DeleteWebhookSubscriptionPayload, {
    description: 'Deletes the subscription and its delivery log.',
  })
  deleteWebhookSubscription(
    @Arg('input', () => DeleteWebhookSubscriptionInput) input: DeleteWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return webhookService.delete(ctx, input);
  }
}
