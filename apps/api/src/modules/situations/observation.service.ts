import { authorize } from '../../common/authz';
import type { Connection, PageArgs } from '../../common/connection';
import { badInput, explainConstraint, notFound } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, type Order } from '../../common/listing';
import { conflict, insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { riskFactorService } from '../risk/risk-factor.service';
import type { RiskIndicator } from '../risk/risk-indicator.entity';
import { assertNotFuture } from './calendar';
import { Observation } from './observation.entity';
import type {
  ObservationFilter,
  ObservationOrder,
  RecordObservationInput,
  UpdateObservationInput,
} from './observation.inputs';
import { observationById, observationList, observationVisible } from './observation.loaders';
import {
  indicatorIdsOf,
  indicatorsByObservationId,
  setObservationIndicators,
} from './observation-indicators';
import { situationService } from './situation.service';

explainConstraint('observation_latitude', 'latitude', 'must be between -90 and 90');
explainConstraint('observation_longitude', 'longitude', 'must be between -180 and 180');
explainConstraint('observation_fatalities', 'fatalities', 'must be 0 or more');

const newestFirst: Order = { field: 'OCCURRED_ON', direction: 'DESC' };

function observationFilter(ctx: Context, filter: ObservationFilter | null | undefined): Filter {
  if (filter?.from && filter.to && filter.from > filter.to)
    throw badInput('filter.to', 'must not be before from');
  const visible = observationVisible(ctx.viewer);
  return (q) => {
    visible(q);
    if (!filter) return;
    if (filter.from) q.and(`ob.occurred_on >= ${q.p(filter.from)}::date`);
    if (filter.to) q.and(`ob.occurred_on <= ${q.p(filter.to)}::date`);
    if (filter.riskFactorNumber != null) {
      q.and(
        `ob.risk_factor_id = (SELECT id FROM risk_factor WHERE number = ${q.p(filter.riskFactorNumber)}::int)`,
      );
    }
  };
}

/** A location is a point: half of one is a mistake, named by the half that is missing. */
function assertPoint(latitude: number | null | undefined, longitude: number | null | undefined): void {
  if (latitude != null && longitude == null) throw badInput('longitude', 'is required with latitude');
  if (longitude != null && latitude == null) throw badInput('latitude', 'is required with longitude');
}

async function riskFactorIdOf(
  ctx: Context,
  globalId: string | null | undefined,
): Promise<string | null | undefined> {
  if (globalId === undefined || globalId === null) return globalId;
  return (await riskFactorService.requireFactor(ctx, globalId, 'riskFactorId')).id;
}

export const observationService = {
  /** The Framework indicators an observation is evidence for, by factor and number. */
  indicators(ctx: Context, observationId: string): Promise<RiskIndicator[]> {
    return indicatorsByObservationId(ctx).load(observationId);
  },

  forSituation(
    ctx: Context,
    situationId: string,
    args: PageArgs,
    filter?: ObservationFilter | null,
    orderBy?: ObservationOrder | null,
  ): Promise<Connection<Observation>> {
    return childPage(ctx, observationList(ctx.db), 'ob.situation_id', situationId, {
      filterKey: filter ?? null,
      filter: observationFilter(ctx, filter),
      order: orderBy ?? newestFirst,
      args,
    });
  },

  async record(ctx: Context, input: RecordObservationInput): Promise<Observation> {
    await authorize(ctx, 'assessment.manage');
    const situation = await situationService.requireSituation(ctx, input.situationId, 'situationId');
    assertNotFuture(input.occurredOn, 'occurredOn');
    assertPoint(input.latitude, input.longitude);
    const riskFactorId = await riskFactorIdOf(ctx, input.riskFactorId);
    const indicatorIds = await indicatorIdsOf(ctx, input.indicatorIds ?? []);
    const { situationId: _s, riskFactorId: _r, indicatorIds: _i, ...fields } = input;
    const observation = await ctx.db.transaction(async (tx) => {
      const created = await insertRow<Observation>(tx, ctx.db.columns(Observation), {
        ...fields,
        sourceKind: fields.sourceKind ?? undefined,
        classification: fields.classification ?? undefined,
        situationId: situation.id,
        riskFactorId: riskFactorId ?? null,
      });
      if (indicatorIds.length) await setObservationIndicators(tx, created.id, indicatorIds);
      return created;
    });
    ctx.loaders.clear();
    return observation;
  },

  async update(ctx: Context, input: UpdateObservationInput): Promise<Observation> {
    await authorize(ctx, 'assessment.manage');
    const id = fromGlobalId('Observation', input.id);
    const {
      id: _id,
      expectedVersion,
      riskFactorId: factorGlobalId,
      indicatorIds: indicatorGids,
      ...fields
    } = input;
    for (const field of ['occurredOn', 'title', 'sourceKind', 'classification'] as const) {
      if (fields[field] === null) throw badInput(field, 'cannot be empty');
    }
    assertNotFuture(fields.occurredOn, 'occurredOn');
    const current = await observationById(ctx).load(id);
    if (!current) throw notFound('observation');
    // The point check needs the version the patch applies to; any other version is a conflict anyway.
    if (current.version !== expectedVersion) throw conflict('observation', current);
    assertPoint(
      fields.latitude !== undefined ? fields.latitude : current.latitude,
      fields.longitude !== undefined ? fields.longitude : current.longitude,
    );
    const riskFactorId = await riskFactorIdOf(ctx, factorGlobalId);
    const indicatorIds = indicatorGids == null ? null : await indicatorIdsOf(ctx, indicatorGids);
    const observation = await ctx.db.transaction(async (tx) => {
      const updated = await updateRow<Observation>(
        tx,
        ctx.db.columns(Observation),
        'observation',
        id,
        expectedVersion,
        {
          ...fields,
          riskFactorId,
        },
      );
      if (indicatorIds) await setObservationIndicators(tx, id, indicatorIds);
      return updated;
    });
    ctx.loaders.clear();
    return observation;
  },
};
