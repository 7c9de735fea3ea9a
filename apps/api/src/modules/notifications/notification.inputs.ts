import { IsOptional } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { Notification } from './notification.entity';

export const NotificationOrderField = { CREATED_AT: 'CREATED_AT' } as const;
export type NotificationOrderField = keyof typeof NotificationOrderField;
registerEnumType(NotificationOrderField, { name: 'NotificationOrderField' });

@InputType('NotificationFilter')
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those nobody has marked read yet.' })
  @IsOptional()
  unreadOnly?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only those of this organisation.' })
  @IsOptional()
  actorId?: string | null;
}

@InputType('NotificationOrder')
export class NotificationOrder {
  @Field(() => NotificationOrderField) field: NotificationOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

export const NotificationConnection = connectionType(Notification, 'Notification');

@InputType('MarkNotificationReadInput')
export class MarkNotificationReadInput {
  @Field(() => ID)
  notificationId: string;
}

@ObjectType('MarkNotificationReadPayload')
export class MarkNotificationReadPayload {
  @Field(() => Notification)
  notification: Notification;
}
