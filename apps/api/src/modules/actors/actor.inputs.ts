import { ArrayMaxSize, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { ActorKind } from '../../common/enums';
import { Actor } from './actor.entity';

export const ActorOrderField = { NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const;
export type ActorOrderField = keyof typeof ActorOrderField;
registerEnumType(ActorOrderField, { name: 'ActorOrderField' });

@InputType('ActorFilter')
export class ActorFilter {
  @Field(() => String, { nullable: true, description: 'Substring of the name or acronym, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [ActorKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: ActorKind[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as SS' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this actor.' })
  @IsOptional()
  parentId?: string | null;
}

@InputType('ActorOrder')
export class ActorOrder {
  @Field(() => ActorOrderField) field: ActorOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('CreateActorInput')
export class CreateActorInput {
  @Field(() => String)
  @Length(1, 300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  acronym?: string | null;

  @Field(() => ActorKind)
  kind: ActorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as SS' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string | null;
}

@InputType('UpdateActorInput', { description: 'A patch: only the fields sent change.' })
export class UpdateActorInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  acronym?: string | null;

  @Field(() => ActorKind, { nullable: true })
  @IsOptional()
  kind?: ActorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as SS' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string | null;
}

@ObjectType('CreateActorPayload', { simpleResolvers: true })
export class CreateActorPayload {
  @Field(() => Actor) actor: Actor;
}

@ObjectType('UpdateActorPayload', { simpleResolvers: true })
export class UpdateActorPayload {
  @Field(() => Actor) actor: Actor;
}

export const ActorConnection = connectionType(Actor, 'Actor');
