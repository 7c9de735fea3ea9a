import { Field, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ImportStatus } from '../../common/enums';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';
import { Situation } from '../situations/situation.entity';
import { ImportRowError } from './import-row-error.type';

/** An import of an event file (ACLED CSV): progress, and a per-row error report. All or nothing. */
@ObjectType('ImportJob', {
  implements: Node,
  simpleResolvers: true,
  description:
    'An import of an event file into a situation. All or nothing: a file with any bad row imports nothing, and errors lists every problem found.',
})
@Entity('import_job')
@Index('import_job_situation_idx', ['situationId', 'createdAt'])
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  situationId: string;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id' })
  situation?: Relation<Situation>;

  @Field(() => String, { description: 'e.g. ACLED_CSV.' })
  @Column('text')
  format: string;

  @Field(() => ImportStatus)
  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status', default: 'RUNNING' })
  status: ImportStatus;

  @Field(() => Int, { description: 'Records in the file, not counting the header.' })
  @Column('int', { default: 0 })
  totalRows: number;

  @Field(() => Int, { description: 'Records handled so far; updated while the import runs, for pollers.' })
  @Column('int', { default: 0 })
  processedRows: number;

  @Field(() => Int, {
    description:
      'New observations created; records already imported before (same event id) are left as they are.',
  })
  @Column('int', { default: 0 })
  importedRows: number;

  @Field(() => [ImportRowError], {
    description: 'Every problem found, by row; empty when the file was imported.',
  })
  @Column('jsonb', { default: () => "'[]'" })
  errors: ImportRowError[];

  @Column('uuid', { nullable: true })
  createdByUserId: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
