import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/connection';
import { TokenScope } from '../../common/enums';
import { ApiToken } from './api-token.entity';

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "IGAD early-warning sync".' })
  @Length(1, 100)
  name: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The actor the token acts for; defaults to your first organisation.',
  })
  @IsOptional()
  actorId?: string | null;

  @Field(() => [TokenScope])
  @ArrayMinSize(1, { message: 'must name at least one scope' })
  @ArrayMaxSize(10)
  scopes: TokenScope[];

  @Field(() => Int, { defaultValue: 90, description: 'Days until the token expires, 1–365.' })
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays: number;
}

@ObjectType('CreateApiTokenPayload', { simpleResolvers: true })
export class CreateApiTokenPayload {
  @Field(() => ApiToken) apiToken: ApiToken;
  @Field(() => String, { description: 'The token itself. It is shown only now: store it safely.' })
  secret: string;
}

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field(() => ID) id: string;
}

@ObjectType('RevokeApiTokenPayload', { simpleResolvers: true })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken) apiToken: ApiToken;
}

export const ApiTokenConnection = connectionType(ApiToken, 'ApiToken');
