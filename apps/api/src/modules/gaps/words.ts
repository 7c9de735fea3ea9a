/** Plain words for explanations. */

/** "1 objective", "3 objectives". */
export const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;

/** Titles in quotes, joined: "A", "B" and "C". */
export function quoted(titles: readonly string[]): string {
  const items = titles.map((t) => `"${t}"`);
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A duration as people say it: "2 days 3 hours", "45 minutes", "under a minute". */
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = days
    ? [count(days, 'day'), hours ? count(hours, 'hour') : '']
    : hours
      ? [count(hours, 'hour'), rest ? count(rest, 'minute') : '']
      : [count(rest, 'minute')];
  return parts.filter(Boolean).join(' ');
}

/** A timestamp to the minute, in UTC: "2024-05-01 10:00 UTC". */
export const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
