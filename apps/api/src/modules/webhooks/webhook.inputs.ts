import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { DeliveryStatus, WebhookEvent } from '../../common/enums';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export const WebhookOrderField = { CREATED_AT: 'CREATED_AT' } as const;
export type WebhookOrderField = keyof typeof WebhookOrderField;
registerEnumType(WebhookOrderField, { name: 'WebhookOrderField' });

@InputType('WebhookSubscriptionFilter')
export class WebhookSubscriptionFilter {
  @Field(() => ID, { nullable: true, description: 'Only the subscriptions of this organisation.' })
  @IsOptional()
  actorId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;
}

@InputType('WebhookDeliveryFilter')
export class WebhookDeliveryFilter {
  @Field(() => [DeliveryStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  statuses?: DeliveryStatus[] | null;
}

@InputType('WebhookOrder')
export class WebhookOrder {
  @Field(() => WebhookOrderField) field: WebhookOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

const URL_HELP =
  'An http(s) URL without credentials. In production, hosts that are or resolve to private, loopback or link-local addresses are refused (SSRF); development and tests allow them (WEBHOOKS_ALLOW_PRIVATE).';

@InputType('CreateWebhookSubscriptionInput')
export class CreateWebhookSubscriptionInput {
  @Field(() => String, { description: URL_HELP })
  @MaxLength(2000)
  url: string;

  @Field(() => [WebhookEvent])
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  events: WebhookEvent[];

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation receiving the events; by default the first one you are a liaison of.',
  })
  @IsOptional()
  actorId?: string | null;
}

@InputType('UpdateWebhookSubscriptionInput', { description: 'A patch: only the fields sent change.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true, description: URL_HELP })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => [WebhookEvent], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  events?: WebhookEvent[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;
}

@InputType('DeleteWebhookSubscriptionInput')
export class DeleteWebhookSubscriptionInput {
  @Field(() => ID) id: string;
}

@ObjectType('CreateWebhookSubscriptionPayload')
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription) webhookSubscription: WebhookSubscription;

  @Field(() => String, {
    description:
      'The signing secret, shown only now. Each delivery carries Concord-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with this secret>.',
  })
  secret: string;
}

@ObjectType('UpdateWebhookSubscriptionPayload')
export class UpdateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription) webhookSubscription: WebhookSubscription;
}

@ObjectType('DeleteWebhookSubscriptionPayload')
export class DeleteWebhookSubscriptionPayload {
  @Field(() => ID) deletedId: string;
}

export const WebhookSubscriptionConnection = connectionType(WebhookSubscription, 'WebhookSubscription');
export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery');
