import { cache } from 'react';
import { OPEN_TASK_STATUSES } from '@/features/plans/plan-labels';
import type { HomeWorkQuery } from '@/gql/graphql';
import { query } from '@/lib/apollo/rsc-client';
import { homeWorkQuery } from './home.graphql';

/** How far ahead "coming up" looks. */
export const HORIZON_DAYS = 14;

export function addDays(localDate: string, days: number): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export type Work = HomeWorkQuery;

/** One request for both panels that show the organisation's work. */
export const loadWork = cache(async (actorId: string, today: string) => {
  const { data } = await query({
    query: homeWorkQuery,
    variables: { actorId, dueBefore: addDays(today, HORIZON_DAYS + 1), openStatuses: OPEN_TASK_STATUSES },
  });
  if (!data) throw new Error('The work query returned no data.');
  return data;
});
