import { type Request, type Response, Router } from 'express';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import type { RequestScope, Viewer } from '../../common/viewer';
import type { AuditEntry, Database } from '../../db/database';
import { type AssignmentExportFilter, streamAssignments } from './assignments-csv';
import { capXml, readCapAlert } from './cap';
import { ClientGone, downloadHeaders, errorBody } from './http';
import { iatiXml, planVisible, readIatiPlan } from './iati';

type Log = (message: string, details?: Record<string, unknown>) => void;

const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`);

const statusOf: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
};

/** A query parameter given once, or undefined; repeated ones are refused. */
function param(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new AppError('BAD_USER_INPUT', `${name}: give it once`, { field: name });
  return value;
}

/** A global id of `type` in a path segment ending with `suffix` (`<id>.xml`); anything else is missing. */
function idIn(segment: string, suffix: string, type: string): string {
  if (!segment.endsWith(suffix)) throw notFound('export');
  return fromGlobalId(type, segment.slice(0, -suffix.length));
}

const day = () => new Date().toISOString().slice(0, 10);

/**
 * File exports next to /graphql, for people and integrators with the same credentials (session
 * cookie or Bearer token, resolved by the server's `identify`). Every export applies the read
 * rule of the GraphQL field that shows the same records, so a record out of reach answers 404
 * exactly like a missing one; every export is written to the audit log ('export.*').
 *
 * - GET /exports/assignments.csv[?planId=&actorId=] — HXL-tagged 3W table, streamed page by page.
 * - GET /exports/alerts/<alert id>.xml — the alert as CAP 1.2.
 * - GET /exports/plans/<plan id>.iati.xml — the plan as an IATI 2.03 activity.
 */
export function exportRoutes(options: { db: Database; log: Log }): Router {
  const { db, log } = options;
  const router = Router();

  const handle =
    (work: (viewer: Viewer, req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const scope = res.locals.scope as RequestScope;
      try {
        if (scope.viewer.kind === 'anonymous') {
          throw new AppError('UNAUTHENTICATED', 'sign in or send a token to export');
        }
        await work(scope.viewer, req, res);
      } catch (error) {
        if (error instanceof ClientGone) return;
        if (res.headersSent) {
          // Part of the file is out: cut the response, so that the client sees it incomplete.
          log('export failed while streaming', { error: String(error), requestId: scope.requestId });
          res.destroy();
          return;
        }
        if (error instanceof AppError && statusOf[error.code]) {
          if (error.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
          return errorBody(res, statusOf[error.code] as number, error.code, error.message);
        }
        log('export failed', { error: String((error as Error)?.stack ?? error), requestId: scope.requestId });
        errorBody(res, 500, 'INTERNAL_SERVER_ERROR', 'the export failed; try again later');
      }
    };

  // identify() runs the rest of the request in its scope: the audit row names the viewer.
  const audit = (entry: AuditEntry) => db.auditEvent(entry);

  router.get(
    '/assignments.csv',
    handle(async (viewer, req, res) => {
      const planGid = param(req, 'planId');
      const actorGid = param(req, 'actorId');
      const filter: AssignmentExportFilter = {
        planId: planGid ? fromGlobalId('ResponsePlan', planGid, 'planId') : null,
        actorId: actorGid ? fromGlobalId('Actor', actorGid, 'actorId') : null,
      };
      if (filter.planId) {
        if (!(await planVisible(db, viewer, filter.planId))) throw notFound('plan');
      }
      await audit({
        action: 'export.assignments',
        entityType: filter.planId ? 'ResponsePlan' : null,
        entityId: filter.planId,
        details: { format: 'text/csv;hxl', planId: filter.planId, actorId: filter.actorId },
      });
      downloadHeaders(res, 'text/csv; charset=utf-8; header=present', `concord-3w-${day()}.csv`);
      await streamAssignments(db, viewer, filter, res);
      res.end();
    }),
  );

  router.get(
    '/alerts/:file',
    handle(async (viewer, req, res) => {
      const alertId = idIn(String(req.params.file), '.xml', 'Alert');
      const alert = await readCapAlert(db, viewer, alertId);
      if (!alert) throw notFound('alert');
      await audit({
        action: 'export.alert',
        entityType: 'Alert',
        entityId: alert.id,
        details: { format: 'CAP 1.2' },
      });
      downloadHeaders(res, 'application/cap+xml; charset=utf-8', `alert-${alert.id}.cap.xml`);
      res.end(capXml(alert));
    }),
  );

  router.get(
    '/plans/:file',
    handle(async (viewer, req, res) => {
      const planId = idIn(String(req.params.file), '.iati.xml', 'ResponsePlan');
      const data = await readIatiPlan(db, viewer, planId);
      if (!data) throw notFound('plan');
      await audit({
        action: 'export.plan',
        entityType: 'ResponsePlan',
        entityId: planId,
        details: { format: 'IATI 2.03' },
      });
      downloadHeaders(res, 'application/xml; charset=utf-8', `plan-${planId}.iati.xml`);
      res.end(iatiXml(data, new Date()));
    }),
  );

  router.use((_req, res) => errorBody(res, 404, 'NOT_FOUND', 'no such export'));
  return router;
}
