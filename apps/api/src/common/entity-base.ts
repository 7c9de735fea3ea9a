import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from './scalars';

/**
 * Columns every shared, editable record has: a uuid key (exposed as a global id by its resolver),
 * a version for compare-and-set writes, and timestamps.
 */
@ObjectType()
export abstract class Versioned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Incremented by every change; send it back as expectedVersion.' })
  @Column('int', { default: 1 })
  version: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
