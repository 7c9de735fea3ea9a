import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Node } from '../../common/node';

@ObjectType('User', {
  implements: Node,
  simpleResolvers: true,
  description: 'A person who signs in to Concord.',
})
@Entity('user_account')
@Index('user_account_email_key', ['email'], { unique: true })
@Check('user_account_email_lowercase', '"email" = lower("email")')
export class User extends Versioned {
  @Field(() => String)
  @Column('text')
  email: string;

  @Field(() => String)
  @Column('text')
  displayName: string;

  @Column('text')
  passwordHash: string;

  @Field(() => Boolean)
  @Column('boolean', { default: true })
  isActive: boolean;
}
