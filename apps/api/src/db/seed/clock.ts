const DAY_MS = 86_400_000;

/**
 * The exercise timeline is relative to the day the demo data is first loaded, so that its
 * deadlines are live (some ahead, one overdue) whenever a demo starts. Rows are never rewritten
 * afterwards, so a later start keeps the dates the first one chose.
 */
export type Clock = {
  /** The date `offset` days from today (UTC), as YYYY-MM-DD. */
  day(offset: number): string;
  /** `hour`:00 UTC on the day `offset` days from today. */
  at(offset: number, hour?: number): Date;
};

export function clockFrom(now: Date): Clock {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    day: (offset) => new Date(midnight + offset * DAY_MS).toISOString().slice(0, 10),
    at: (offset, hour = 12) => new Date(midnight + offset * DAY_MS + hour * 3_600_000),
  };
}
