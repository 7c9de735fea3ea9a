import { PgBoss } from 'pg-boss';
import { DEFAULT_RETENTION_SECONDS } from '../config';
import type { Change, Database, Queryable } from '../db/database';
import { importService } from '../modules/imports/import.service';
import { pruneChangeLog } from '../modules/live/change-log';
import { escalationService } from '../modules/notifications/escalation.service';
import { startWebhookDeliveries, type WebhookOptions } from '../modules/webhooks/webhook.worker';

type Log = (message: string, details?: Record<string, unknown>) => void;

export const DEADLINE_SWEEP = 'assignment-deadlines';
export const LEAD_DECLINED = 'lead-declined';

export type JobsOptions = {
  db: Database;
  databaseUrl: string;
  /** How often PROPOSED assignments are checked against their respond-by time, across all processes. */
  escalationIntervalSeconds: number;
  /** How long change_log keeps changes; older ones are pruned by the sweep. 30 days when absent. */
  changeLogRetentionSeconds?: number;
  log: Log;
  /** Retry and timing of webhook deliveries (tests shorten them). */
  webhooks?: Partial<WebhookOptions>;
};

export type Jobs = { boss: PgBoss; stop(): Promise<void> };

/** LEAD assignments a transaction declines. */
function leadDeclines(changes: readonly Change[]): string[] {
  return changes
    .filter(
      (c) =>
        c.entityType === 'TaskAssignment' &&
        c.after?.status === 'DECLINED' &&
        c.after?.role === 'LEAD' &&
        c.before?.status !== 'DECLINED',
    )
    .map((c) => c.entityId);
}

/** pg-boss statements run on our transaction, so that a job exists exactly when the change that asked for it committed. */
const inTransaction = (tx: Queryable) => ({
  executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values) }),
});

/**
 * Background work on the pg-boss queue in PostgreSQL (schema `pgboss`), shared by every API process:
 * each process offers a deadline sweep every interval, pg-boss keeps one job per interval and hands
 * it to one worker; a declined LEAD enqueues its escalation in the declining transaction. The sweep
 * also marks FAILED the imports a stopped process left RUNNING, and prunes change_log past its
 * retention. That a sweep or job runs twice would change nothing: escalations are deduplicated in
 * the database, an import is marked once, and a pruning finds nothing left to delete.
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { db, log } = options;
  const interval = Math.max(1, options.escalationIntervalSeconds);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    application_name: 'concord-jobs',
    max: 4,
    connectionTimeoutMillis: 5_000,
    // Schedules are not used: the sweep is offered by every process (below), at any interval.
    schedule: false,
  });
  boss.on('error', (error) => log('job queue error', { error: String(error) }));
  await boss.start();
  await boss.createQueue(DEADLINE_SWEEP, { policy: 'singleton', retryLimit: 0, expireInSeconds: 300 });
  await boss.createQueue(LEAD_DECLINED, { retryLimit: 10, retryDelay: 5, retryBackoff: true });

  const polling = { pollingIntervalSeconds: Math.min(2, Math.max(0.5, interval / 2)) };
  await boss.work(DEADLINE_SWEEP, polling, async () => {
    const escalated = await escalationService.escalateOverdue(db);
    if (escalated) log('assignments escalated', { reason: 'ASSIGNMENT_OVERDUE', count: escalated });
    // Imports cut short by a stopped process would otherwise stay RUNNING for ever.
    const interrupted = await importService.failInterrupted(db);
    if (interrupted) log('interrupted imports marked FAILED', { count: interrupted });
    const retentionSeconds = options.changeLogRetentionSeconds ?? DEFAULT_RETENTION_SECONDS;
    const pruned = await pruneChangeLog(db, retentionSeconds);
    if (pruned.deleted)
      log('change log pruned', { count: pruned.deleted, through: pruned.prunedThrough, retentionSeconds });
  });
  await boss.work<{ assignmentId: string }>(LEAD_DECLINED, { ...polling, batchSize: 20 }, async (jobs) => {
    const escalated = await escalationService.escalateLeadDeclined(
      db,
      jobs.map((job) => job.data.assignmentId),
    );
    if (escalated) log('assignments escalated', { reason: 'LEAD_DECLINED', count: escalated });
  });

  const hook = async (tx: Queryable, changes: readonly Change[]) => {
    for (const assignmentId of leadDeclines(changes)) {
      await boss.send(LEAD_DECLINED, { assignmentId }, { db: inTransaction(tx) });
    }
  };
  db.beforeCommit.push(hook);
  const webhooks = await startWebhookDeliveries(boss, db, log, options.webhooks);

  // Every process offers the sweep; one job per interval is kept, whoever offers first.
  const offer = () =>
    boss
      .sendThrottled(DEADLINE_SWEEP, {}, null, interval)
      .catch((error) => log('could not offer the deadline sweep', { error: String(error) }));
  const timer = setInterval(offer, Math.max(500, (interval * 1000) / 2));
  timer.unref();
  void offer();

  let stopped: Promise<void> | null = null;
  return {
    boss,
    stop: () => {
      stopped ??= (async () => {
        clearInterval(timer);
        const at = db.beforeCommit.indexOf(hook);
        if (at >= 0) db.beforeCommit.splice(at, 1);
        webhooks.stop();
        await boss.stop({ graceful: true, timeout: 10_000, close: true });
      })();
      return stopped;
    },
  };
}
