import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { announceReady, envInt } from './process.ts';

/**
 * PostGraphile 5 as its documentation sets it up: the Amber preset over Concord's `public` schema
 * (plus `bench_pg`, which holds the one computed column it needs), served by grafserv on node:http.
 */
async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is required');
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        connectionString,
        schemas: ['public', 'bench_pg'],
        poolConfig: { max: envInt('DB_POOL_MAX', 20) },
      }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server).catch((error) => {
    console.error(error);
    process.exit(1);
  });
  // Build the schema before announcing readiness, so the first measured request does not pay for it.
  await pgl.getSchema();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  announceReady(port, async () => {
    server.close();
    await serv.release();
    await pgl.release();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
