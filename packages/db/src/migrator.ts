import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlConnection } from './sql-connection.ts';

/** prisma/migrations at the top of the repository. */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/**
 * Any fixed number serves as the lock key, as long as every Pathways process uses the same:
 * a second process starting at the same moment waits here, then finds nothing to do.
 */
const MIGRATION_LOCK_KEY = 727_073_770_125;

export type Migration = { name: string; sql: string; checksum: string };

export type MigrationErrorCode = 'checksum_changed' | 'failed_before' | 'unknown_migration' | 'migration_failed';

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    readonly migration: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Prisma's checksum of a migration script: SHA-256 of the file, in hex. Like Prisma, a
 * recorded checksum also matches the same script with other line endings.
 */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

function matchesChecksum(sql: string, recorded: string): boolean {
  const unix = sql.replaceAll('\r\n', '\n');
  return [sql, unix, unix.replaceAll('\n', '\r\n')].some((variant) => checksumOf(variant) === recorded);
}

/** The migrations in Prisma's folder format (`<timestamp>_<name>/migration.sql`), in order. */
export async function readMigrations(directory = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(directory, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

// The table `prisma migrate deploy` keeps, created the same way, so either can take over.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Applies pending migrations, each in its own transaction, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does. Refuses to go on (throws
 * `MigrationError`) if an applied migration's file has changed, if one failed before and was
 * not resolved, or if the database has a migration this version does not know. An advisory
 * lock makes concurrent starts on one PostgreSQL take turns.
 */
export async function migrate(connection: SqlConnection, migrations: Migration[]): Promise<MigrationResult> {
  await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const local = new Map(migrations.map((migration) => [migration.name, migration]));
    const done = new Set<string>();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      const migration = local.get(row.migration_name);
      if (!migration) {
        throw new MigrationError(
          'unknown_migration',
          row.migration_name,
          `The database has migration ${row.migration_name}, which this version of Pathways does not have: run a version that does.`,
        );
      }
      if (!row.finished_at) {
        throw new MigrationError(
          'failed_before',
          row.migration_name,
          `Migration ${row.migration_name} failed earlier and was not resolved; fix it before starting.`,
        );
      }
      if (!matchesChecksum(migration.sql, row.checksum)) {
        throw new MigrationError(
          'checksum_changed',
          row.migration_name,
          `Migration ${row.migration_name} was changed after it was applied (checksum differs); restore the file instead of editing history.`,
        );
      }
      done.add(row.migration_name);
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await applyOne(connection, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

async function applyOne(connection: SqlConnection, migration: Migration): Promise<void> {
  const id = randomUUID();
  await connection.exec('BEGIN');
  try {
    await connection.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, migration.checksum, migration.name],
    );
    await connection.exec(migration.sql);
    await connection.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK');
    throw new MigrationError(
      'migration_failed',
      migration.name,
      `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
