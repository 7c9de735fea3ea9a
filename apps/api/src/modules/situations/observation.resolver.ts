import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { RiskFactor } from '../risk/risk-factor.entity';
import { riskFactorById } from '../risk/risk-factor.loaders';
import { RiskIndicator } from '../risk/risk-indicator.entity';
import { Observation } from './observation.entity';
import {
  RecordObservationInput,
  RecordObservationPayload,
  UpdateObservationInput,
  UpdateObservationPayload,
} from './observation.inputs';
import { observationService } from './observation.service';
import { Situation } from './situation.entity';
import { situationById } from './situation.loaders';

@Resolver(() => Observation)
export class ObservationResolver {
  @FieldResolver(() => Situation)
  situation(@Parent() observation: Observation, @Ctx() ctx: Context) {
    return situationById(ctx).load(observation.situationId);
  }

  @FieldResolver(() => RiskFactor, { nullable: true, description: 'The risk factor this is evidence for.' })
  riskFactor(@Parent() observation: Observation, @Ctx() ctx: Context) {
    return observation.riskFactorId ? riskFactorById(ctx).load(observation.riskFactorId) : null;
  }

  @FieldResolver(() => [RiskIndicator], {
    description: 'Framework indicators this is evidence for, by factor and indicator number.',
  })
  indicators(@Parent() observation: Observation, @Ctx() ctx: Context) {
    return observationService.indicators(ctx, observation.id);
  }

  @Mutation(() => RecordObservationPayload)
  async recordObservation(
    @Arg('input', () => RecordObservationInput) input: RecordObservationInput,
    @Ctx() ctx: Context,
  ) {
    return { observation: await observationService.record(ctx, input) };
  }

  @Mutation(() => UpdateObservationPayload)
  async updateObservation(
    @Arg('input', () => UpdateObservationInput) input: UpdateObservationInput,
    @Ctx() ctx: Context,
  ) {
    return { observation: await observationService.update(ctx, input) };
  }
}
