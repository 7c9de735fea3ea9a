import { limitsFromEnv } from '@concord/api/src/common/limits.ts';
import { createDataSource } from '@concord/api/src/db/data-source.ts';
import { Database } from '@concord/api/src/db/database.ts';
import { createApiServer } from '@concord/api/src/server.ts';
import { announceReady, envInt } from './process.ts';

/**
 * Concord's real HTTP server (Express, Apollo, every middleware), built the way main.ts builds it,
 * in production mode, without migrating or seeding: the bench has prepared the database already.
 * Its limits come from the environment, as main.ts reads them (see CONCORD_LIMITS_ENV).
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const dataSource = createDataSource(url, { max: envInt('DB_POOL_MAX', 20) });
  await dataSource.initialize();
  const server = await createApiServer({
    db: new Database(dataSource),
    production: true,
    limits: limitsFromEnv(process.env),
    log: () => {},
  });
  const port = await server.listen(0);
  announceReady(port, async () => {
    await server.stop();
    await dataSource.destroy();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
