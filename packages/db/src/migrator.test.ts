import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../test-support/databases.ts';
import { checksumOf, migrate, MigrationError, readMigrations, type Migration } from './migrator.ts';
import { pgliteConnection, postgresConnection, type SqlConnection } from './sql-connection.ts';

type Backend = { name: string; open: () => Promise<SqlConnection & { openAnother: () => Promise<SqlConnection> }> };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const BACKENDS: Backend[] = [
  {
    name: 'PGlite',
    open: async () => {
      const db = await PGlite.create();
      cleanups.push(() => db.close());
      const connection = pgliteConnection(db);
      return { ...connection, openAnother: async () => connection };
    },
  },
  {
    name: 'PostgreSQL 15',
    open: async () => {
      const database = await freshPostgresDatabase();
      const connect = async () => {
        const connection = await postgresConnection(database.url);
        cleanups.push(() => connection.close());
        return connection;
      };
      cleanups.push(database.drop);
      return { ...(await connect()), openAnother: connect };
    },
  },
];

const MIGRATIONS = await readMigrations();
const recorded = (connection: SqlConnection) =>
  connection.query<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number }>(
    'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
  );

describe.each(BACKENDS)('migrate on $name', (backend) => {
  it('applies every migration once, recorded as prisma migrate deploy records it', async () => {
    const connection = await backend.open();
    expect(await migrate(connection, MIGRATIONS)).toEqual({
      applied: MIGRATIONS.map((m) => m.name),
      alreadyApplied: 0,
    });
    expect(await recorded(connection)).toEqual(
      MIGRATIONS.map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        finished: true,
        applied_steps_count: 1,
      })),
    );
    // Applied twice: the second start finds nothing to do.
    expect(await migrate(connection, MIGRATIONS)).toEqual({ applied: [], alreadyApplied: MIGRATIONS.length });
    const tables = await connection.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['YoungPerson', 'PathwayEvent', 'Milestone', 'AuditEntry', 'Handover', 'Goal']),
    );
  });

  it('refuses to start when an applied migration was edited, and applies nothing newer', async () => {
    const connection = await backend.open();
    const [first, ...rest] = MIGRATIONS as [Migration, ...Migration[]];
    await migrate(connection, [first]);
    const edited = { ...first, sql: `${first.sql}\n-- edited`, checksum: checksumOf(`${first.sql}\n-- edited`) };
    const error = await migrate(connection, [edited, ...rest]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'checksum_changed', migration: first.name });
    expect((await recorded(connection)).map((r) => r.migration_name)).toEqual([first.name]);
  });

  it('accepts the same script with Windows line endings, as Prisma does', async () => {
    const connection = await backend.open();
    await migrate(connection, MIGRATIONS);
    const crlf = MIGRATIONS.map((m) => ({ ...m, sql: m.sql.replaceAll('\n', '\r\n') }));
    expect((await migrate(connection, crlf)).applied).toEqual([]);
  });

  it('refuses a database with a migration this version does not know, or one that failed before', async () => {
    const connection = await backend.open();
    await migrate(connection, MIGRATIONS);
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('a', 'x', '29990101000000_from_the_future', now(), 1)`,
    );
    await expect(migrate(connection, MIGRATIONS)).rejects.toMatchObject({
      code: 'unknown_migration',
      migration: '29990101000000_from_the_future',
    });
    await connection.query(`UPDATE "_prisma_migrations" SET finished_at = NULL, migration_name = $1 WHERE id = 'a'`, [
      MIGRATIONS[1]?.name,
    ]);
    await connection.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1 AND id <> 'a'`, [
      MIGRATIONS[1]?.name,
    ]);
    await expect(migrate(connection, MIGRATIONS)).rejects.toMatchObject({ code: 'failed_before' });
  });

  it('rolls a failing migration back whole: no half-made tables, no record', async () => {
    const connection = await backend.open();
    const broken: Migration = {
      name: '29990101000000_broken',
      sql: 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();',
      checksum: 'x',
    };
    const error = await migrate(connection, [...MIGRATIONS, broken]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'migration_failed', migration: broken.name });
    expect((error as Error).message).toContain('no_such_function');
    expect((await recorded(connection)).map((r) => r.migration_name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await connection.query("SELECT 1 FROM pg_tables WHERE tablename = 'Half'")).toEqual([]);
  });

  it('keeps the event log and audit trail append-only, unless erasure opts in', async () => {
    const connection = await backend.open();
    await migrate(connection, MIGRATIONS);
    await connection.exec(`
      INSERT INTO "LocalArea" (id, code, name, jurisdiction) VALUES ('00000000-0000-4000-8000-000000000001', 'N', 'Northshire', 'england');
      INSERT INTO "YoungPerson" (id, "areaId", "givenName", "familyName", "dateOfBirth", jurisdiction, "updatedAt")
        VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Maya', 'Hill', '2012-03-03', 'england', now());
      INSERT INTO "PathwayEvent" (id, "youngPersonId", sequence, type, date, payload)
        VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 1, 'education.annual_review_held', '2026-03-02', '{}');
      INSERT INTO "AuditEntry" (action, "entityType") VALUES ('read', 'YoungPerson');`);
    await expect(connection.query(`UPDATE "PathwayEvent" SET date = '2026-03-03'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(connection.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only: DELETE refused/);
    await connection.exec(`BEGIN; SET LOCAL pathways.erasure = 'on'; DELETE FROM "PathwayEvent"; COMMIT;`);
    expect(await connection.query('SELECT * FROM "PathwayEvent"')).toEqual([]);
    await expect(connection.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
  });
});

describe('two servers starting at once on one PostgreSQL', () => {
  it('migrate once between them: the advisory lock makes the second wait and find nothing to do', async () => {
    const database = await freshPostgresDatabase();
    cleanups.push(database.drop);
    const [a, b] = await Promise.all([postgresConnection(database.url), postgresConnection(database.url)]);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const results = await Promise.all([migrate(a, MIGRATIONS), migrate(b, MIGRATIONS)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, MIGRATIONS.length]);
    expect(await recorded(a)).toHaveLength(MIGRATIONS.length);
  });
});
