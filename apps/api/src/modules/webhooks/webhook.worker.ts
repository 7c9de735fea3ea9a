import { createHmac } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { toGlobalId } from '../../common/ids';
import type { Change, Database, Queryable } from '../../db/database';
import { recordDeliveries } from './webhook.events';
import { allowPrivateTargets, assertPublicHost } from './webhook-url';

export const WEBHOOK_DELIVERY = 'webhook-delivery';

type Log = (message: string, details?: Record<string, unknown>) => void;

export type WebhookOptions = {
  /** Attempts after the first; then the delivery is FAILED. */
  retryLimit: number;
  /** First delay between attempts, doubled (with jitter) each time, up to retryDelayMaxSeconds. */
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  pollingIntervalSeconds: number;
  timeoutMs: number;
  allowPrivate: boolean;
};

export const defaultWebhookOptions = (): WebhookOptions => ({
  retryLimit: 8,
  retryDelaySeconds: 10,
  retryDelayMaxSeconds: 3600,
  pollingIntervalSeconds: 2,
  timeoutMs: 10_000,
  allowPrivate: allowPrivateTargets(),
});

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe-style receivers check it. */
export function signature(secret: string, body: string, at: number): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

type Pending = {
  id: string;
  status: string;
  event: string;
  payload: unknown;
  url: string;
  secret: string;
  active: boolean;
};

/** One attempt: POST the body, record the outcome; throws to have pg-boss retry a failure. */
export async function attemptDelivery(
  db: Database,
  deliveryId: string,
  final: boolean,
  options: WebhookOptions,
): Promise<void> {
  const [d] = await db.query<Pending>(
    `SELECT d.id, d.status, d.event, d.payload, s.url, s.secret, s.active
     FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id WHERE d.id = $1`,
    [deliveryId],
  );
  // Deleted with its subscription, or already settled: nothing to do.
  if (d?.status !== 'PENDING') return;
  let statusCode: number | null = null;
  let error: string | null = null;
  if (!d.active) {
    error = 'the subscription is inactive';
  } else {
    const body = JSON.stringify(d.payload);
    try {
      if (!options.allowPrivate) await assertPublicHost(new URL(d.url).hostname);
      const response = await fetch(d.url, {
        method: 'POST',
        // A redirect could lead anywhere, a private address included: it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Concord-Webhooks/1',
          'concord-event': d.event,
          'concord-delivery': toGlobalId('WebhookDelivery', d.id),
          'concord-signature': signature(d.secret, body, Date.now()),
        },
        body,
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (statusCode < 200 || statusCode > 299) error = `the receiver answered HTTP ${statusCode}`;
    } catch (e) {
      const err = e as Error;
      error =
        err.name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs / 1000} s`
          : String(err.cause ?? err.message).slice(0, 500);
    }
  }
  const succeeded = error === null;
  const failed = !succeeded && (final || !d.active);
  await db.query(
    `UPDATE webhook_delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
       status = CASE WHEN $4 THEN 'SUCCEEDED'::delivery_status WHEN $5 THEN 'FAILED'::delivery_status ELSE status END,
       delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END
     WHERE id = $1`,
    [d.id, statusCode, error, succeeded, failed],
  );
  if (!succeeded && !failed) throw new Error(error as string);
}

/** pg-boss statements on our transaction: the job exists exactly when the change committed. */
const inTransaction = (tx: Queryable) => ({
  executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values) }),
});

/**
 * Webhook deliveries on the job queue: every transaction's events become delivery rows and jobs
 * in that transaction; a worker POSTs each, retried with exponential backoff until it succeeds
 * or the retries are spent. Returns what stops it (the hook; the queue stops with pg-boss).
 */
export async function startWebhookDeliveries(
  boss: PgBoss,
  db: Database,
  log: Log,
  overrides: Partial<WebhookOptions> = {},
): Promise<{ stop(): void }> {
  const options = { ...defaultWebhookOptions(), ...overrides };
  await boss.createQueue(WEBHOOK_DELIVERY, {
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: options.retryDelayMaxSeconds,
    expireInSeconds: Math.ceil(options.timeoutMs / 1000) + 30,
  });
  await boss.work<{ deliveryId: string }>(
    WEBHOOK_DELIVERY,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
    async (jobs) => {
      for (const job of jobs) {
        await attemptDelivery(db, job.data.deliveryId, job.retryCount >= options.retryLimit, options).catch(
          (error) => {
            log('webhook delivery failed', {
              deliveryId: job.data.deliveryId,
              attempt: job.retryCount + 1,
              error: String(error),
            });
            throw error;
          },
        );
      }
    },
  );
  const hook = async (tx: Queryable, changes: readonly Change[]) => {
    for (const deliveryId of await recordDeliveries(tx, changes)) {
      await boss.send(WEBHOOK_DELIVERY, { deliveryId }, { db: inTransaction(tx) });
    }
  };
  db.beforeCommit.push(hook);
  return {
    stop() {
      const at = db.beforeCommit.indexOf(hook);
      if (at >= 0) db.beforeCommit.splice(at, 1);
    },
  };
}
