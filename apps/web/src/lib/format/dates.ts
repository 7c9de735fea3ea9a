/**
 * Dates as the API sends them (`LocalDate`, YYYY-MM-DD) in plain words. Month names are spelled out
 * here rather than through Intl, so server and browser render the very same text.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of a YYYY-MM-DD date at UTC midnight, or null when malformed. */
export function parseLocalDate(value: string): number | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(time) ? null : time;
}

export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && parseLocalDate(value) !== null;
}

/** "9 July 2011"; an unreadable value is shown as it came. */
export function formatDate(value: string): string {
  const time = parseLocalDate(value);
  if (time === null) return value;
  const date = new Date(time);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "9 July 2011, 14:05 UTC" for a DateTimeISO value. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = date.toISOString().slice(11, 16);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time} UTC`;
}

/** Today as YYYY-MM-DD, at UTC. */
export function todayLocalDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** A span of days in the largest sensible unit: "12 days", "4 months", "2 years". */
function span(days: number): string {
  if (days < 45) return plural(days, 'day');
  if (days < 548) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

/** "Expires in 4 months", "Expired 2 years ago", "Expires today", or "No expiry". */
export function expiryText(expiresOn: string | null | undefined, today: string): string {
  if (!expiresOn) return 'No expiry';
  const end = parseLocalDate(expiresOn);
  const now = parseLocalDate(today);
  if (end === null || now === null) return `Expires on ${expiresOn}`;
  const days = Math.round((end - now) / DAY_MS);
  if (days === 0) return 'Expires today';
  return days > 0 ? `Expires in ${span(days)}` : `Expired ${span(-days)} ago`;
}

/** "today", "3 days ago", "in 2 months". */
export function relativeDate(value: string, today: string): string {
  const then = parseLocalDate(value);
  const now = parseLocalDate(today);
  if (then === null || now === null) return value;
  const days = Math.round((then - now) / DAY_MS);
  if (days === 0) return 'today';
  return days > 0 ? `in ${span(days)}` : `${span(-days)} ago`;
}
