import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Situation } from '../situations/situation.entity';
import { situationById } from '../situations/situation.loaders';
import {
  ImportAcledEventsInput,
  ImportAcledEventsPayload,
  ImportJobConnection,
  ImportJobOrder,
} from './import.inputs';
import { importService } from './import.service';
import { ImportJob } from './import-job.entity';

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => ImportJob, {
    nullable: true,
    description:
      'An import and its progress; poll it while importAcledEvents runs (liaisons and administrators).',
  })
  importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return importService.get(ctx, id);
  }

  @FieldResolver(() => Situation)
  situation(@Parent() job: ImportJob, @Ctx() ctx: Context) {
    return situationById(ctx).load(job.situationId);
  }

  @Mutation(() => ImportAcledEventsPayload, {
    description:
      'Imports ACLED events as observations of a situation, all or nothing (liaisons and administrators).',
  })
  async importAcledEvents(
    @Arg('input', () => ImportAcledEventsInput) input: ImportAcledEventsInput,
    @Ctx() ctx: Context,
  ) {
    return { importJob: await importService.importAcled(ctx, input) };
  }
}

/** A situation's imports, added to Situation from this module. */
@Resolver(() => Situation)
export class SituationImportsResolver {
  @FieldResolver(() => ImportJobConnection, {
    description:
      'Imports into the situation, newest first: the running one shows its progress (liaisons and administrators).',
  })
  importJobs(
    @Parent() situation: Situation,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orderBy', () => ImportJobOrder, { nullable: true }) orderBy: ImportJobOrder | null,
    @Ctx() ctx: Context,
  ) {
    return importService.forSituation(ctx, situation.id, page, orderBy);
  }
}
