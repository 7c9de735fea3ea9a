import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { SituationStatus } from '../../common/enums';
import { Node } from '../../common/node';

@ObjectType('Situation', {
  implements: Node,
  simpleResolvers: true,
  description: 'A country or area of concern.',
})
@Entity('situation')
@Index('situation_name_idx', ['name', 'id'])
@Index('situation_status_idx', ['status', 'name', 'id'])
@Index('situation_created_idx', ['createdAt', 'id'])
export class Situation extends Versioned {
  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the country concerned.' })
  @Column('char', { length: 2 })
  countryCode: string;

  @Field(() => [String], { description: 'Administrative areas concerned (ISO 3166-2 codes or names).' })
  @Column('text', { array: true, default: () => "'{}'" })
  adminAreas: string[];

  @Field(() => SituationStatus)
  @Column({ type: 'enum', enum: SituationStatus, enumName: 'situation_status', default: 'WATCH' })
  status: SituationStatus;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  summary: string | null;

  @Field(() => Boolean, { description: 'Part of a training exercise, not a real situation.' })
  @Column('boolean', { default: false })
  isExercise: boolean;
}
