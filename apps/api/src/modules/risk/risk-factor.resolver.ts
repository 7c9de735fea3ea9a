import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { RiskFactor } from './risk-factor.entity';
import { riskFactorById, riskIndicatorsByFactorId } from './risk-factor.loaders';
import { riskFactorService } from './risk-factor.service';
import { RiskIndicator } from './risk-indicator.entity';

@Resolver(() => RiskFactor)
export class RiskFactorResolver {
  @Query(() => [RiskFactor], {
    description:
      'The 14 risk factors of the UN Framework of Analysis for Atrocity Crimes (2014), by number: ' +
      '1–8 common, 9–10 genocide, 11–12 crimes against humanity, 13–14 war crimes. Reference data, read-only.',
  })
  riskFactors(@Ctx() ctx: Context) {
    return riskFactorService.list(ctx);
  }

  @FieldResolver(() => [RiskIndicator], {
    description: 'Its indicators in the Framework’s numbering (1.2 before 1.10).',
  })
  indicators(@Parent() factor: RiskFactor, @Ctx() ctx: Context) {
    return riskIndicatorsByFactorId(ctx).load(factor.id);
  }
}

@Resolver(() => RiskIndicator)
export class RiskIndicatorResolver {
  @FieldResolver(() => RiskFactor)
  riskFactor(@Parent() indicator: RiskIndicator, @Ctx() ctx: Context) {
    return riskFactorById(ctx).load(indicator.riskFactorId);
  }
}
