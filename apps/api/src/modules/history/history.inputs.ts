import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { Node } from '../../common/node';
import { Revision } from './revision.entity';

export const RevisionOrderField = { POSITION: 'POSITION' } as const;
export type RevisionOrderField = keyof typeof RevisionOrderField;
registerEnumType(RevisionOrderField, {
  name: 'RevisionOrderField',
  valuesConfig: { POSITION: { description: 'The order in which the changes were made.' } },
});

@InputType('RevisionFilter')
export class RevisionFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only changes to this kind of record: ResponsePlan, Phase, Objective, Task, TaskAssignment or PlanParticipant.',
  })
  @IsOptional()
  @MaxLength(50)
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this person.' })
  @IsOptional()
  userId?: string | null;
}

@InputType('RevisionOrder')
export class RevisionOrder {
  @Field(() => RevisionOrderField) field: RevisionOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

export const RevisionConnection = connectionType(Revision, 'Revision');

@InputType('RestoreRevisionFieldInput', {
  description: 'Sets one field of the changed record back to the value it had before that change.',
})
export class RestoreRevisionFieldInput {
  @Field(() => ID) revisionId: string;

  @Field(() => String, { description: 'A field the revision changed, as named in Revision.fields.' })
  @Length(1, 100)
  field: string;

  @Field(() => Int, { description: 'The current version of the changed record (not of the revision).' })
  expectedVersion: number;
}

@ObjectType('RestoreRevisionFieldPayload', { simpleResolvers: true })
export class RestoreRevisionFieldPayload {
  @Field(() => Node, { description: 'The record as it is after the restore.' })
  record: Node;

  @Field(() => Revision, {
    nullable: true,
    description: 'The revision the restore made; null when the field already had that value.',
  })
  revision: Revision | null;
}
