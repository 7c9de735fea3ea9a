import { defaultLimits, type Limits } from './common/limits';

/** Settings read from the environment once, at start-up. */
export type Config = {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded one is started. */
  databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  /** Load the demo data (the real registry and the exercise scenario) at start-up. */
  seedDemo: boolean;
  production: boolean;
  bodyLimitBytes: number;
  /** The published query limits (README "Limits"). */
  limits: Limits;
  /** GraphQL requests executing at once in this process, and how many may wait for a turn. */
  admission: { concurrency: number; queue: number };
  /** Which peers may set X-Forwarded-For (Express 'trust proxy'): the web app's proxy runs on the same host. */
  trustProxy: string | number;
  pool: { max: number; min: number; acquireTimeoutMs: number; statementTimeoutMs: number };
  /** Run background work (the pg-boss job queue) in this process. */
  jobs: boolean;
  /** How often unanswered assignments are checked against their respond-by time. */
  escalationIntervalSeconds: number;
  /** How long change_log keeps a change for subscribers that resume (CHANGE_LOG_RETENTION, e.g. 30d). */
  changeLogRetentionSeconds: number;
  /** Browser origins besides the API's own that may open a WebSocket with a session cookie. */
  allowedOrigins: string[];
};

function int(value: string | undefined, fallback: number, name: string, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`${name} must be a whole number${min ? ` of at least ${min}` : ''}, not "${value}"`);
  return n;
}

/** How long change_log keeps a change when CHANGE_LOG_RETENTION does not say: 30 days. */
export const DEFAULT_RETENTION_SECONDS = 30 * 86_400;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** A duration as a whole number and a unit: 45s, 90m, 12h, 30d. */
function duration(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const match = /^(\d{1,9})([smhd])$/.exec(value);
  if (!match || Number(match[1]) < 1)
    throw new Error(`${name} must be a duration such as 45s, 90m, 12h or 30d, not "${value}"`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const poolMax = int(env.DB_POOL_MAX, 20, 'DB_POOL_MAX');
  return {
    port: int(env.API_PORT ?? env.PORT, 4000, 'API_PORT'),
    host: env.API_HOST || '127.0.0.1',
    databaseUrl,
    dataDir: env.CONCORD_DATA_DIR || `${root}/.data/postgres`,
    // Demo data comes by default only with the embedded database; an external one must ask for it.
    seedDemo: env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : !databaseUrl,
    production: env.NODE_ENV === 'production',
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1_000_000, 'BODY_LIMIT_BYTES'),
    limits: {
      maxDepth: int(env.LIMIT_MAX_DEPTH, defaultLimits.maxDepth, 'LIMIT_MAX_DEPTH', 1),
      maxAliases: int(env.LIMIT_MAX_ALIASES, defaultLimits.maxAliases, 'LIMIT_MAX_ALIASES', 1),
      maxTokens: int(env.LIMIT_MAX_TOKENS, defaultLimits.maxTokens, 'LIMIT_MAX_TOKENS', 1),
      maxCost: int(env.LIMIT_MAX_COST, defaultLimits.maxCost, 'LIMIT_MAX_COST', 1),
      budget: {
        capacity: int(env.LIMIT_BUDGET_CAPACITY, defaultLimits.budget.capacity, 'LIMIT_BUDGET_CAPACITY', 1),
        refillPerSecond: int(
          env.LIMIT_BUDGET_REFILL_PER_SECOND,
          defaultLimits.budget.refillPerSecond,
          'LIMIT_BUDGET_REFILL_PER_SECOND',
        ),
      },
    },
    admission: {
      concurrency: Math.max(1, int(env.MAX_CONCURRENT_REQUESTS, 8, 'MAX_CONCURRENT_REQUESTS')),
      queue: int(env.MAX_QUEUED_REQUESTS, 1_000, 'MAX_QUEUED_REQUESTS'),
    },
    trustProxy: env.TRUST_PROXY
      ? /^\d+$/.test(env.TRUST_PROXY)
        ? Number(env.TRUST_PROXY)
        : env.TRUST_PROXY
      : 'loopback',
    pool: {
      max: poolMax,
      // Every connection opened is kept by default: see PoolOptions.min (db/data-source.ts).
      min: Math.min(poolMax, int(env.DB_POOL_MIN, poolMax, 'DB_POOL_MIN')),
      acquireTimeoutMs: int(env.DB_ACQUIRE_TIMEOUT_MS, 5_000, 'DB_ACQUIRE_TIMEOUT_MS'),
      statementTimeoutMs: int(env.DB_STATEMENT_TIMEOUT_MS, 15_000, 'DB_STATEMENT_TIMEOUT_MS'),
    },
    jobs: env.JOBS_ENABLED !== 'false',
    escalationIntervalSeconds: Math.max(
      1,
      int(env.ESCALATION_INTERVAL_SECONDS, 30, 'ESCALATION_INTERVAL_SECONDS'),
    ),
    changeLogRetentionSeconds: duration(
      env.CHANGE_LOG_RETENTION,
      DEFAULT_RETENTION_SECONDS,
      'CHANGE_LOG_RETENTION',
    ),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
