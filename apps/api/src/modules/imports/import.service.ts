import { authorize } from '../../common/authz';
import type { Connection, PageArgs } from '../../common/connection';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Order } from '../../common/listing';
import { insertRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Database, Transaction } from '../../db/database';
import { Observation } from '../situations/observation.entity';
import { situationService } from '../situations/situation.service';
import { ACLED_LIMITS, type AcledEvent, readAcledCsv, reportOf } from './acled';
import type { ImportAcledEventsInput, ImportJobOrder } from './import.inputs';
import { importJobById, importJobList, importJobVisible } from './import.loaders';
import { ImportJob } from './import-job.entity';
import type { ImportRowError } from './import-row-error.type';

/** Records stored per statement; progress is published after each batch. */
export const IMPORT_BATCH = 500;

const newestFirst: Order = { field: 'CREATED_AT', direction: 'DESC' };

/**
 * The advisory lock an import holds while it stores its events (released with its transaction,
 * also when the process dies): a RUNNING job whose lock nobody holds was interrupted.
 */
export const importLock = (jobIdParam: string) => `${IMPORT_LOCK_SPACE}, hashtext(${jobIdParam}::text)`;
const IMPORT_LOCK_SPACE = 7_340_001;

/** How long after its creation a RUNNING job without its lock counts as interrupted (it takes the lock at once). */
const INTERRUPTED_AFTER = '1 minute';

const INTERRUPTED: ImportRowError[] = [
  {
    row: null,
    column: null,
    message: 'the import was interrupted (the service stopped while it ran); nothing was imported',
  },
];

const JOB_COLUMNS = `id, situation_id AS "situationId", format, status, total_rows AS "totalRows",
  processed_rows AS "processedRows", imported_rows AS "importedRows", errors,
  created_by_user_id AS "createdByUserId", created_at AS "createdAt", finished_at AS "finishedAt"`;

/** Stores one batch of events; an event already imported into the situation is left as it is. */
async function storeBatch(
  tx: Transaction,
  ctx: Context,
  situationId: string,
  events: readonly AcledEvent[],
  input: ImportAcledEventsInput,
): Promise<number> {
  const cols = ctx.db.columns(Observation);
  const rows = await tx.query<Observation>(
    `INSERT INTO observation AS t (situation_id, occurred_on, title, description, event_type, location_name,
       latitude, longitude, fatalities, source_kind, source, external_id, classification, reliability)
     SELECT $1, r."occurredOn", r.title, r.description, r."eventType", r."locationName",
       r.latitude, r.longitude, r.fatalities, 'ACLED', r.source, r."externalId",
       COALESCE($3::classification, 'PARTICIPANTS'), $4::source_reliability
     FROM jsonb_to_recordset($2::jsonb) AS r("occurredOn" date, title text, description text, "eventType" text,
       "locationName" text, latitude double precision, longitude double precision, fatalities int, source text, "externalId" text)
     ON CONFLICT (situation_id, source_kind, external_id) DO NOTHING
     RETURNING ${cols.select('t')}`,
    [situationId, JSON.stringify(events), input.classification ?? null, input.reliability ?? null],
  );
  for (const row of rows) {
    tx.record({
      entityType: cols.name,
      entityId: row.id,
      kind: 'create',
      before: null,
      after: row as unknown as Record<string, unknown>,
    });
  }
  return rows.length;
}

async function finish(ctx: Context, jobId: string, status: 'SUCCEEDED' | 'FAILED', errors: ImportRowError[]) {
  const [job] = await ctx.db.query<ImportJob>(
    `UPDATE import_job SET status = $2, processed_rows = total_rows, errors = $3::jsonb, finished_at = now()
     WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
    [jobId, status, JSON.stringify(reportOf(errors))],
  );
  return job;
}

export const importService = {
  forSituation(
    ctx: Context,
    situationId: string,
    args: PageArgs,
    orderBy?: ImportJobOrder | null,
  ): Promise<Connection<ImportJob>> {
    return childPage(ctx, importJobList(ctx.db), 'ij.situation_id', situationId, {
      filter: importJobVisible(ctx.viewer),
      order: orderBy ?? newestFirst,
      args,
    });
  },

  /**
   * Marks FAILED the RUNNING jobs whose import is gone: its process stopped or died mid-import, its
   * transaction rolled back, and nothing was imported. A job still importing holds its lock and is
   * left alone, whichever process runs it. Returns how many were marked.
   */
  async failInterrupted(db: Database): Promise<number> {
    return db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `UPDATE import_job SET status = 'FAILED', errors = $1::jsonb, finished_at = now()
         WHERE status = 'RUNNING' AND created_at < now() - interval '${INTERRUPTED_AFTER}'
           AND pg_try_advisory_xact_lock(${importLock('id')})
         RETURNING id`,
        [JSON.stringify(INTERRUPTED)],
      );
      return rows.length;
    });
  },

  async get(ctx: Context, globalId: string): Promise<ImportJob> {
    const job = await importJobById(ctx).load(fromGlobalId('ImportJob', globalId));
    if (!job) throw new AppError('NOT_FOUND', 'import job was not found');
    return job;
  },

  /**
   * Imports an ACLED CSV export into a situation, all or nothing. Every record is checked before
   * anything is stored; a file with any problem is recorded as a FAILED job with the problems by
   * row and column. A good file is stored in one transaction, in batches; after each batch the
   * job's progress is written by a separate short statement, committed at once, so that someone
   * polling importJob sees it advance while the import runs.
   */
  async importAcled(ctx: Context, input: ImportAcledEventsInput): Promise<ImportJob> {
    await authorize(ctx, 'assessment.manage');
    const situation = await situationService.requireSituation(ctx, input.situationId, 'situationId');
    const bytes = Buffer.byteLength(input.csv, 'utf8');
    if (bytes > ACLED_LIMITS.maxBytes) {
      throw new AppError(
        'BAD_USER_INPUT',
        `csv: the file has ${bytes} bytes; at most ${ACLED_LIMITS.maxBytes} can be imported at once`,
        {
          field: 'csv',
          maxBytes: ACLED_LIMITS.maxBytes,
        },
      );
    }
    const file = readAcledCsv(input.csv);
    if (file.totalRows > ACLED_LIMITS.maxRows) {
      throw new AppError(
        'BAD_USER_INPUT',
        `csv: the file has ${file.totalRows} records; at most ${ACLED_LIMITS.maxRows} can be imported at once`,
        {
          field: 'csv',
          maxRows: ACLED_LIMITS.maxRows,
        },
      );
    }

    const job = await insertRow<ImportJob>(ctx.db, ctx.db.columns(ImportJob), {
      situationId: situation.id,
      format: 'ACLED_CSV',
      totalRows: file.totalRows,
      createdByUserId: ctx.viewer.userId,
    });
    if (file.errors.length) {
      const failed = await finish(ctx, job.id, 'FAILED', file.errors);
      ctx.loaders.clear();
      return failed;
    }

    try {
      const done = await ctx.db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(${importLock('$1')})`, [job.id]);
        let imported = 0;
        for (let start = 0; start < file.events.length; start += IMPORT_BATCH) {
          const batch = file.events.slice(start, start + IMPORT_BATCH);
          imported += await storeBatch(tx, ctx, situation.id, batch, input);
          // Outside the transaction, on purpose: progress is visible now, not at COMMIT.
          await ctx.db.query('UPDATE import_job SET processed_rows = $2 WHERE id = $1', [
            job.id,
            start + batch.length,
          ]);
        }
        const [row] = await tx.query<ImportJob>(
          `UPDATE import_job SET status = 'SUCCEEDED', processed_rows = total_rows, imported_rows = $2, finished_at = now()
           WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
          [job.id, imported],
        );
        return row;
      });
      ctx.loaders.clear();
      return done;
    } catch (error) {
      await finish(ctx, job.id, 'FAILED', [
        { row: null, column: null, message: 'the events could not be stored; nothing was imported' },
      ]).catch(() => undefined);
      throw error;
    }
  },
};
