import { IsOptional } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { Classification, SourceReliability } from '../../common/enums';
import { ACLED_LIMITS } from './acled';
import { ImportJob } from './import-job.entity';

export const ImportJobOrderField = { CREATED_AT: 'CREATED_AT' } as const;
export type ImportJobOrderField = keyof typeof ImportJobOrderField;
registerEnumType(ImportJobOrderField, { name: 'ImportJobOrderField' });

@InputType('ImportJobOrder')
export class ImportJobOrder {
  @Field(() => ImportJobOrderField) field: ImportJobOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

@InputType('ImportAcledEventsInput', {
  description:
    `An ACLED CSV export (codebook column names), at most ${ACLED_LIMITS.maxBytes / 1024 / 1024} MB and ${ACLED_LIMITS.maxRows.toLocaleString('en')} records. ` +
    'Every record is checked first: a file with any bad record imports nothing. Events already imported into the situation (same event_id_cnty) are left as they are.',
})
export class ImportAcledEventsInput {
  @Field(() => ID) situationId: string;

  @Field(() => String, { description: 'The file as text (UTF-8).' })
  csv: string;

  @Field(() => Classification, {
    nullable: true,
    description: 'Who may read the observations; PARTICIPANTS when not given.',
  })
  @IsOptional()
  classification?: Classification | null;

  @Field(() => SourceReliability, {
    nullable: true,
    description: 'Reliability given to every observation; none when not given.',
  })
  @IsOptional()
  reliability?: SourceReliability | null;
}

@ObjectType('ImportAcledEventsPayload', { simpleResolvers: true })
export class ImportAcledEventsPayload {
  @Field(() => ImportJob, {
    description: 'SUCCEEDED, or FAILED with every problem found (then nothing was imported).',
  })
  importJob: ImportJob;
}

export const ImportJobConnection = connectionType(ImportJob, 'ImportJob');
