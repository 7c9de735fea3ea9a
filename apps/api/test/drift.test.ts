import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { printSdl } from '../src/schema';
import { createTestDatabase } from './api';

describe('generated artefacts', () => {
  it('the committed schema.graphql is what the code builds (run `pnpm --filter @concord/api schema:emit`)', async () => {
    const committed = await readFile(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printSdl());
  });

  describe('migrations', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database?.drop());

    it('create exactly the schema the entities describe (run `pnpm --filter @concord/api migration:generate Name`)', async () => {
      const dataSource = createDataSource(database.url);
      await dataSource.initialize();
      try {
        const pending = await dataSource.driver.createSchemaBuilder().log();
        expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
