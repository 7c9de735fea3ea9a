import { badInput } from '../../common/errors';

/**
 * The latest calendar date anywhere on Earth right now (UTC+14). A date after it is in the future
 * for everyone, so a report filed late in the day east of Greenwich is not refused.
 */
export function latestDateOnEarth(now: number = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Refuses a date that has not yet begun in any time zone. */
export function assertNotFuture(date: string | null | undefined, field: string): void {
  if (date && date > latestDateOnEarth()) throw badInput(field, 'cannot be in the future');
}
