import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../test-support/databases.ts';
import { migrate, readMigrations } from './migrator.ts';
import { postgresConnection } from './sql-connection.ts';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const ENGINE = fileURLToPath(new URL('../../../../shared/tools/prisma-schema-engine.mjs', import.meta.url));

function prisma(args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, ['../../node_modules/prisma/build/index.js', ...args], {
    cwd: PACKAGE,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_SCHEMA_ENGINE_BINARY: ENGINE,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('Prisma CLI', () => {
  it('sees a database migrated by Pathways as up to date (same table, same checksums)', async () => {
    expect(existsSync(ENGINE), `the offline schema engine at ${ENGINE}`).toBe(true);
    const database = await freshPostgresDatabase();
    cleanups.push(database.drop);
    const connection = await postgresConnection(database.url);
    await migrate(connection, await readMigrations());
    await connection.close();
    const status = prisma(['migrate', 'status'], database.url);
    expect(status.stdout + status.stderr).toContain('Database schema is up to date!');
    expect(status.status).toBe(0);
  }, 60_000);
});
