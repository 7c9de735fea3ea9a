import type DataLoader from 'dataloader';
import { requireSignedIn } from '../../common/authz';
import type { Context } from '../../context';
import { capabilityGapsByPlanId } from './capability';
import { coverageByMandateId, coverageByMissionActorId } from './coverage';
import type { CapabilityGap, MandatedTaskCoverage, MitigationGap, WarningToActionLatency } from './gap.types';
import { latencyBySituationId } from './latency';
import { mitigationGapsBySituationId } from './mitigation';

/** Records by id through a loader that applies the read rules; what the viewer may not read is left out. */
export async function readable<T>(
  loader: DataLoader<string, T | null>,
  ids: readonly string[],
): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.filter((row): row is T => row !== null && !(row instanceof Error));
}

/** Gap analyses: each a set-based statement per batch of parents, over what the viewer reads. */
export const gapService = {
  mitigationGaps(ctx: Context, situationId: string): Promise<MitigationGap[]> {
    return mitigationGapsBySituationId(ctx).load(situationId);
  },

  warningToActionLatency(ctx: Context, situationId: string): Promise<WarningToActionLatency> {
    return latencyBySituationId(ctx).load(situationId);
  },

  capabilityGaps(ctx: Context, planId: string): Promise<CapabilityGap[]> {
    return capabilityGapsByPlanId(ctx).load(planId);
  },

  /** Mandates are public, their coverage is not: it is computed from plans, for a signed-in reader. */
  async coverageGaps(ctx: Context, mandateId: string): Promise<MandatedTaskCoverage[]> {
    requireSignedIn(ctx);
    return (await coverageByMandateId(ctx).load(mandateId)).filter((c) => !c.covered);
  },

  async mandateCoverage(ctx: Context, actorId: string, onlyGaps: boolean): Promise<MandatedTaskCoverage[]> {
    requireSignedIn(ctx);
    const coverage = await coverageByMissionActorId(ctx).load(actorId);
    return onlyGaps ? coverage.filter((c) => !c.covered) : coverage;
  },
};
