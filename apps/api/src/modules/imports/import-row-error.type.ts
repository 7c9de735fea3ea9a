import { Field, Int, ObjectType } from 'type-graphql';

/** One problem found in an imported file; the file is imported only when it has none. */
@ObjectType('ImportRowError', {
  simpleResolvers: true,
  description: 'One problem found in an imported file.',
})
export class ImportRowError {
  @Field(() => Int, {
    nullable: true,
    description:
      'Row of the file as a spreadsheet numbers it: 1 is the header, 2 the first record (a quoted field may span several lines). Null for a remark about the whole report.',
  })
  row: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The column (header name) of the problem, when it is one cell.',
  })
  column: string | null;

  @Field(() => String)
  message: string;
}
