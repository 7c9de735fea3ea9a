import pg, { type QueryResultRow } from 'pg';
import { AppError } from '../../common/errors';
import type { Database } from '../../db/database';
import { CHANGES_CHANNEL, type ChangeRow, changeColumns } from './change-log';

type Log = (message: string, details?: Record<string, unknown>) => void;

/** Rows a subscriber may hold unread before it is ended and told to resume from its position. */
const INBOX_LIMIT = 5_000;
const READ_BATCH = 500;

/**
 * What one subscription has been handed and not yet taken, in position order. A subscriber that
 * falls too far behind is ended rather than let memory grow; it resumes with `after`.
 */
export class Inbox {
  private rows: ChangeRow[] = [];
  private waiting: (() => void) | null = null;
  private overflowed = false;
  closed = false;

  constructor(
    readonly matches: (row: ChangeRow) => boolean,
    private readonly onClose: (inbox: Inbox) => void,
  ) {}

  push(rows: readonly ChangeRow[]): void {
    if (this.closed) return;
    for (const row of rows) if (this.matches(row)) this.rows.push(row);
    if (this.rows.length > INBOX_LIMIT) {
      this.overflowed = true;
      this.rows = [];
    }
    this.wake();
  }

  /** Waits for rows; an empty array means the inbox was closed. */
  async take(): Promise<ChangeRow[]> {
    while (!this.rows.length && !this.closed && !this.overflowed) {
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
    if (this.overflowed) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'this subscription fell too far behind; subscribe again with after: the last position you received',
      );
    }
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    this.wake();
  }

  private wake() {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}

export type ChangeFeedOptions = {
  /** Connection settings of the dedicated listening connection. */
  connection: pg.ClientConfig;
  log?: Log;
  /** A slow safety net beside NOTIFY, also the bound on delay should the listening socket die silently. */
  pollIntervalMs?: number;
  /** First and longest wait between reconnection attempts. */
  reconnectDelayMs?: { min: number; max: number };
  /** Other channels to listen on over the same connection, with what to do with a payload. */
  channels?: Record<string, (payload: string) => void>;
  /** Called each time listening starts, and starts again after a lost connection. */
  onListening?: () => void;
};

/**
 * One per API process: a dedicated connection LISTENs for new change_log positions, reads the new
 * rows once per burst (one statement, whatever the number of subscribers) and hands them to the
 * in-process subscribers in position order. After any loss of the connection (a PostgreSQL
 * restart) it reconnects with backoff and catches up from the last position it handed out.
 */
export class ChangeFeed {
  private client: pg.Client | null = null;
  /** Everything up to here has been handed to the subscribers of the time. */
  private position: number | null = null;
  private readonly inboxes = new Set<Inbox>();
  private reading = false;
  private readAgain = false;
  private stopped = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly log: Log;

  constructor(
    private readonly db: Database,
    private readonly options: ChangeFeedOptions,
  ) {
    this.log = options.log ?? (() => {});
  }

  /** The connection settings of a database's pool, for the dedicated listening connection. */
  static connectionOf(db: Database): pg.ClientConfig {
    const o = db.pool.options as pg.PoolConfig;
    return {
      connectionString: o.connectionString,
      host: o.host,
      port: o.port,
      user: o.user,
      password: o.password,
      database: o.database,
      ssl: o.ssl,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: 'concord-live',
    };
  }

  async start(): Promise<void> {
    this.pollTimer = setInterval(() => {
      if (this.inboxes.size) this.wake();
    }, this.options.pollIntervalMs ?? 5_000);
    this.pollTimer.unref();
    try {
      await this.connect();
    } catch (error) {
      this.reconnectLater(error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const inbox of [...this.inboxes]) inbox.close();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether the listening connection is up (for health reports and tests). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Starts handing matching rows to a new subscriber, from the next position on. */
  open(matches: (row: ChangeRow) => boolean): Inbox {
    const inbox = new Inbox(matches, (closed) => this.inboxes.delete(closed));
    if (this.stopped) inbox.close();
    else this.inboxes.add(inbox);
    return inbox;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.options.connection);
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    const channels = this.options.channels ?? {};
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) this.wake(Number(message.payload));
      else channels[message.channel]?.(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      for (const channel of Object.keys(channels)) await client.query(`LISTEN ${channel}`);
      if (this.position === null) {
        // Listening before reading the start: nothing committed in between can be missed.
        const { rows } = await client.query<{ position: string }>(
          'SELECT COALESCE(max(position), 0)::text AS position FROM change_log',
        );
        this.position = Number(rows[0].position);
      }
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.options.onListening?.();
    if (this.failures) this.log('change feed listening again', { after: this.failures });
    this.failures = 0;
    // What was committed while nobody listened.
    this.wake();
  }

  private lost(client: pg.Client, error: Error | null) {
    if (client !== this.client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.reconnectLater(error);
  }

  private reconnectLater(error: unknown) {
    if (this.stopped || this.reconnectTimer) return;
    const { min, max } = this.options.reconnectDelayMs ?? { min: 200, max: 5_000 };
    const delay = Math.min(max, min * 2 ** this.failures) * (0.75 + Math.random() / 2);
    this.failures += 1;
    if (this.failures === 1 || this.failures % 10 === 0) {
      this.log('change feed lost its database connection; reconnecting', {
        error: String(error ?? 'closed'),
        attempt: this.failures,
      });
    }
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((failure) => this.reconnectLater(failure));
    }, delay);
    this.reconnectTimer.unref();
  }

  /**
   * Reads what is new, once per burst of notifications: a wake during a read causes one more read.
   * With nobody subscribed, a notified position is simply taken as the new start (positions
   * become visible in order), and nothing is read.
   */
  private wake(notified?: number): void {
    if (this.stopped || this.position === null) return;
    if (!this.inboxes.size && !this.reading && Number.isSafeInteger(notified)) {
      this.position = Math.max(this.position, notified as number);
      return;
    }
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void (async () => {
      try {
        do {
          this.readAgain = false;
          await this.readNew();
        } while (this.readAgain && !this.stopped);
      } catch (error) {
        // The next notification, reconnection or poll reads again from the same position.
        this.log('change feed could not read new changes', { error: String(error) });
      } finally {
        this.reading = false;
      }
    })();
  }

  /** Straight through the pool: the feed's reads are no part of any request. */
  private async query<T extends QueryResultRow>(text: string, params?: unknown[]): Promise<T[]> {
    return (await this.db.pool.query<T>(text, params)).rows;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const from = this.position ?? 0;
      if (!this.inboxes.size) {
        // Nobody to hand rows to: only move the start for the next subscriber.
        const [row] = await this.query<{ position: string }>(
          'SELECT COALESCE(max(position), 0)::text AS position FROM change_log',
        );
        this.position = Math.max(from, Number(row.position));
        return;
      }
      const rows = await this.query<ChangeRow>(
        `SELECT ${changeColumns} FROM change_log c WHERE c.position > $1 ORDER BY c.position LIMIT ${READ_BATCH}`,
        [from],
      );
      if (!rows.length) return;
      this.position = rows[rows.length - 1].position;
      for (const inbox of this.inboxes) inbox.push(rows);
      if (rows.length < READ_BATCH) return;
    }
  }
}
