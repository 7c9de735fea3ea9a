import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import type { ChangeKind as Kind, ChangeTopic as Topic } from './change-log';

export const ChangeTopic = {
  PLAN_CHANGED: 'PLAN_CHANGED',
  TASK_CHANGED: 'TASK_CHANGED',
  ASSIGNMENT_CHANGED: 'ASSIGNMENT_CHANGED',
  PRESENCE_CHANGED: 'PRESENCE_CHANGED',
  ESCALATION: 'ESCALATION',
} as const satisfies Record<Topic, Topic>;
registerEnumType(ChangeTopic, {
  name: 'ChangeTopic',
  description: 'What a change is about.',
  valuesConfig: {
    PLAN_CHANGED: { description: 'A plan, or one of its phases, objectives or participants.' },
    TASK_CHANGED: { description: 'A task.' },
    ASSIGNMENT_CHANGED: { description: 'An assignment, or its handshake.' },
    PRESENCE_CHANGED: { description: 'Who is looking at or editing a plan.' },
    ESCALATION: {
      description:
        'An assignment escalated to the lead organisation (unanswered in time, or a LEAD declined).',
    },
  },
});

export const ChangeKind = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  DELETED: 'DELETED',
  ESCALATED: 'ESCALATED',
} as const satisfies Record<Kind, Kind>;
registerEnumType(ChangeKind, { name: 'ChangeKind' });

/** One change as subscribers receive it; its record is read as the subscriber may read it now. */
@ObjectType('ChangeEvent', {
  simpleResolvers: true,
  description:
    'A change, in the order of the durable change log. Keep the position of the last event you received: subscribing again with after: it replays what you missed.',
})
export class ChangeEvent {
  @Field(() => ChangeTopic)
  topic: Topic;

  @Field(() => ChangeKind)
  kind: Kind;

  @Field(() => String, { description: 'The type of the changed record, e.g. Task.' })
  entityType: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;
}
