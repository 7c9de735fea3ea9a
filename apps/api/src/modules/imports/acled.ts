import { CsvError, parse } from 'csv-parse/sync';
import { latestDateOnEarth } from '../situations/calendar';
import type { ImportRowError } from './import-row-error.type';

/** What one import may hold: the file's size, its records, and the problems listed back. */
export const ACLED_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000, maxErrors: 1_000 } as const;

/** Columns an ACLED export must have (names from ACLED's codebook); the others are optional. */
export const REQUIRED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'country',
  'location',
  'latitude',
  'longitude',
  'fatalities',
] as const;

/** Codebook columns kept in the observation's description, under their codebook names. */
const DESCRIBED_COLUMNS = [
  'disorder_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'geo_precision',
  'time_precision',
  'source_scale',
  'tags',
  'timestamp',
] as const;

/** ACLED's six event types. */
export const EVENT_TYPES = [
  'Battles',
  'Violence against civilians',
  'Explosions/Remote violence',
  'Riots',
  'Protests',
  'Strategic developments',
] as const;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** An event ready to be stored as an observation. */
export type AcledEvent = {
  externalId: string;
  occurredOn: string;
  title: string;
  description: string | null;
  eventType: string;
  locationName: string;
  latitude: number;
  longitude: number;
  fatalities: number;
  source: string | null;
};

export type AcledFile = { totalRows: number; events: AcledEvent[]; errors: ImportRowError[] };

const DECIMAL = /^-?\d+(\.\d+)?$/;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** ACLED dates: 2024-03-15 (current exports) or 15 March 2024 (older ones). */
export function acledDate(text: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** Cells of one record by column name, trimmed; absent columns read as empty. */
type Cells = (column: string) => string;

/** Checks one record; pushes its problems and returns the event when it has none. */
function readEvent(cell: Cells, row: number, problems: ImportRowError[]): AcledEvent | null {
  const before = problems.length;
  const problem = (column: string, message: string) => problems.push({ row, column, message });

  for (const column of REQUIRED_COLUMNS) if (!cell(column)) problem(column, 'is required');

  const externalId = cell('event_id_cnty');
  if (externalId.length > 100) problem('event_id_cnty', 'must be at most 100 characters');

  const dateText = cell('event_date');
  const occurredOn = dateText ? acledDate(dateText) : null;
  if (dateText && !occurredOn) problem('event_date', 'must be a date such as 2024-03-15 or 15 March 2024');
  else if (occurredOn && occurredOn > latestDateOnEarth()) problem('event_date', 'cannot be in the future');
  const year = cell('year');
  if (year && occurredOn && year !== occurredOn.slice(0, 4)) problem('year', 'does not match event_date');

  const typeText = cell('event_type');
  const eventType = EVENT_TYPES.find((t) => t.toLowerCase() === typeText.toLowerCase());
  if (typeText && !eventType) problem('event_type', `must be one of ${EVENT_TYPES.join(', ')}`);

  const coordinate = (column: string, limit: number) => {
    const text = cell(column);
    if (!text) return 0;
    const value = Number(text);
    if (!DECIMAL.test(text) || Math.abs(value) > limit)
      problem(column, `must be a number between -${limit} and ${limit}`);
    return value;
  };
  const latitude = coordinate('latitude', 90);
  const longitude = coordinate('longitude', 180);

  const fatalitiesText = cell('fatalities');
  const fatalities = Number(fatalitiesText);
  if (fatalitiesText && (!/^\d{1,7}$/.test(fatalitiesText) || fatalities > 1_000_000)) {
    problem('fatalities', 'must be a whole number, 0 or more');
  }
  for (const column of ['time_precision', 'geo_precision']) {
    const text = cell(column);
    if (text && !/^[123]$/.test(text)) problem(column, 'must be 1, 2 or 3');
  }
  const timestamp = cell('timestamp');
  if (timestamp && !/^\d{1,12}$/.test(timestamp)) problem('timestamp', 'must be a Unix time in seconds');

  const location = cell('location');
  if (location.length > 300) problem('location', 'must be at most 300 characters');
  const source = cell('source');
  if (source.length > 2_000) problem('source', 'must be at most 2,000 characters');
  const notes = cell('notes');
  if (notes.length > 15_000) problem('notes', 'must be at most 15,000 characters');

  if (problems.length > before || !eventType || !occurredOn) return null;
  const what = cell('sub_event_type') || eventType;
  const details = DESCRIBED_COLUMNS.filter((column) => cell(column)).map(
    (column) => `${column}: ${cell(column)}`,
  );
  const description = [notes, details.join('\n')].filter(Boolean).join('\n\n').slice(0, 20_000);
  return {
    externalId,
    occurredOn,
    title: `${what} in ${location}`.slice(0, 500),
    description: description || null,
    eventType,
    locationName: location,
    latitude,
    longitude,
    fatalities,
    source: source || null,
  };
}

/**
 * Reads an ACLED CSV export (RFC 4180: quoted fields with commas, line breaks and doubled quotes; a
 * byte-order mark; CRLF or LF) and checks every record before anything is stored. Rows are numbered
 * as a spreadsheet shows them: 1 is the header. Blank lines are skipped but keep their number.
 */
export function readAcledCsv(text: string): AcledFile {
  let records: string[][];
  try {
    // Any line ending, even mixed: a file saved by one tool and appended to by another.
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The records read before the faulty one; the header is the first.
    const read = (error as unknown as { records?: unknown }).records;
    const row = typeof read === 'number' ? read + 1 : null;
    return {
      totalRows: 0,
      events: [],
      errors: [{ row, column: null, message: `the file is not valid CSV: ${error.message}` }],
    };
  }
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerAt = records.findIndex((cells) => !blank(cells));
  if (headerAt < 0)
    return {
      totalRows: 0,
      events: [],
      errors: [{ row: 1, column: null, message: 'the file has no header row' }],
    };

  const header = records[headerAt].map((name) => name.trim().toLowerCase());
  const errors: ImportRowError[] = [];
  const headerRow = headerAt + 1;
  const seen = new Set<string>();
  for (const name of header) {
    if (name && seen.has(name))
      errors.push({ row: headerRow, column: name, message: 'the column appears twice' });
    seen.add(name);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) errors.push({ row: headerRow, column, message: 'the required column is missing' });
  }
  const data = records
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(headerAt + 1)
    .filter((r) => !blank(r.cells));
  if (errors.length) return { totalRows: data.length, events: [], errors };

  const index = new Map(header.map((name, i) => [name, i]));
  const events: AcledEvent[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { cells, row } of data) {
    if (cells.length !== header.length) {
      errors.push({
        row,
        column: null,
        message: `has ${cells.length} fields; the header has ${header.length}`,
      });
      continue;
    }
    const cell: Cells = (column) => {
      const at = index.get(column);
      return at === undefined ? '' : cells[at].trim();
    };
    const event = readEvent(cell, row, errors);
    const id = cell('event_id_cnty');
    const first = id ? firstRowOf.get(id) : undefined;
    if (first !== undefined)
      errors.push({ row, column: 'event_id_cnty', message: `repeats the event of row ${first}` });
    else if (id) firstRowOf.set(id, row);
    if (event && first === undefined) events.push(event);
  }
  return { totalRows: data.length, events: errors.length ? [] : events, errors };
}

/** Caps the report: the first problems, and how many more there are. */
export function reportOf(errors: readonly ImportRowError[]): ImportRowError[] {
  if (errors.length <= ACLED_LIMITS.maxErrors) return [...errors];
  const more = errors.length - ACLED_LIMITS.maxErrors;
  return [
    ...errors.slice(0, ACLED_LIMITS.maxErrors),
    { row: null, column: null, message: `and ${more} more problem${more > 1 ? 's' : ''} not listed` },
  ];
}
