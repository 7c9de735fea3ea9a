import { ArrayMaxSize, IsBoolean, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { MandatedTaskKind } from '../../common/enums';
import { MandatedTask } from './mandated-task.entity';

export const MandatedTaskOrderField = { PRIORITY: 'PRIORITY' } as const;
export type MandatedTaskOrderField = keyof typeof MandatedTaskOrderField;
registerEnumType(MandatedTaskOrderField, { name: 'MandatedTaskOrderField' });

@InputType('MandatedTaskFilter')
export class MandatedTaskFilter {
  @Field(() => [MandatedTaskKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: MandatedTaskKind[] | null;
}

@InputType('MandatedTaskOrder')
export class MandatedTaskOrder {
  @Field(() => MandatedTaskOrderField) field: MandatedTaskOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('CreateMandatedTaskInput')
export class CreateMandatedTaskInput {
  @Field(() => ID) mandateId: string;

  @Field(() => String, { description: 'Paragraph reference in the resolution, e.g. "OP 3 (a)".' })
  @Length(1, 50)
  paragraphRef: string;

  @Field(() => MandatedTaskKind)
  kind: MandatedTaskKind;

  @Field(() => String)
  @Length(1, 5000)
  description: string;

  @Field(() => Int, { nullable: true, description: '1 (highest) to 5; 3 when not given.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  priority?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'false when not given.' })
  @IsOptional()
  @IsBoolean()
  useOfForce?: boolean | null;
}

@InputType('UpdateMandatedTaskInput', { description: 'A patch: only the fields sent change.' })
export class UpdateMandatedTaskInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  paragraphRef?: string;

  @Field(() => MandatedTaskKind, { nullable: true })
  @IsOptional()
  kind?: MandatedTaskKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  description?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(5)
  priority?: number;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  useOfForce?: boolean;
}

@ObjectType('CreateMandatedTaskPayload', { simpleResolvers: true })
export class CreateMandatedTaskPayload {
  @Field(() => MandatedTask) mandatedTask: MandatedTask;
}

@ObjectType('UpdateMandatedTaskPayload', { simpleResolvers: true })
export class UpdateMandatedTaskPayload {
  @Field(() => MandatedTask) mandatedTask: MandatedTask;
}

export const MandatedTaskConnection = connectionType(MandatedTask, 'MandatedTask');
