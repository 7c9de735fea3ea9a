/**
 * Generates a migration from the difference between the entities and a fresh database with every
 * existing migration applied. With --check, exits 1 when there is any difference (drift).
 * Runs against a throw-away embedded PostgreSQL unless DATABASE_URL is set.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@concord/embedded-db';
import { createDataSource } from '../db/data-source';

const check = process.argv.includes('--check');
const name = process.argv.find((a) => /^[A-Z][A-Za-z0-9]+$/.test(a)) ?? 'Change';

const dir = await mkdtemp(join(tmpdir(), 'concord-migrate-'));
const db = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), ephemeral: true, fast: true });
let exitCode = 0;
try {
  const dataSource = createDataSource(db.url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  // TypeORM emits CREATE TYPE once per column that uses a shared enum; keep the first.
  const up = [...new Set(sql.upQueries.map((q) => q.query))];
  // …and in `down`, the last DROP TYPE, after every column that used it is gone.
  const downAll = sql.downQueries.map((q) => q.query).reverse();
  const down = downAll.filter((q, i) => downAll.lastIndexOf(q) === i);
  if (check) {
    if (up.length) {
      console.error('Entities and migrations drift. Statements missing from the migrations:');
      for (const q of up) console.error(`  ${q};`);
      exitCode = 1;
    } else console.log('migrations match the entities');
  } else if (!up.length) {
    console.log('nothing to generate: migrations match the entities');
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const esc = (q: string) => q.replaceAll('\\', '\\\\').replaceAll('`', '\\`');
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((q) => `    await queryRunner.query(\`${esc(q)}\`);`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map((q) => `    await queryRunner.query(\`${esc(q)}\`);`).join('\n')}
  }
}
`;
    const file = join(import.meta.dirname, '..', 'db', 'migrations', `${timestamp}-${name}.ts`);
    await writeFile(file, body);
    console.log(`wrote ${file}; read it, then list ${className} in src/db/migrations.ts`);
  }
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
