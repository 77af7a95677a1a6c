import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { backupPglite, backupPostgres } from './backup.ts';
import { checkDataFolder, DataFolderError, lockDataFolder } from './data-folder.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { migrate, readMigrations, type MigrationResult } from './migrator.ts';
import { pgliteConnection, postgresConnection } from './sql-connection.ts';

export type DatabaseConfig =
  /** Embedded PostgreSQL (PGlite); `dataDir` undefined keeps it in memory. */
  { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string };

export type Database = {
  kind: DatabaseConfig['kind'];
  prisma: PrismaClient;
  /** What start-up migration did. */
  migrations: MigrationResult;
  /** Writes a consistent backup to `file` while the database is in use (see backup.ts). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Opens the database, applies pending migrations (refusing to start on a changed one), and
 * returns a Prisma client over the matching driver adapter: PGlite when there is no server,
 * `pg` for a PostgreSQL server that any number of API processes can share.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const migrations = await readMigrations();
  if (config.kind === 'pglite') {
    if (config.dataDir) checkDataFolder(config.dataDir);
    const lock = config.dataDir ? await lockDataFolder(config.dataDir) : { release: async () => {} };
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(config.dataDir);
    } catch (error) {
      await lock.release();
      throw new DataFolderError(
        `The embedded database in DATA_DIR ${config.dataDir} could not be opened (${error instanceof Error ? error.message : String(error)}): it may be damaged. Nothing was changed; restore a backup into an empty folder.`,
      );
    }
    try {
      const result = await migrate(pgliteConnection(pglite), migrations);
      const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
      return {
        kind: 'pglite',
        prisma,
        migrations: result,
        backup: (file) => backupPglite(pglite, file),
        close: async () => {
          await prisma.$disconnect();
          await pglite.close();
          await lock.release();
        },
      };
    } catch (error) {
      await pglite.close();
      await lock.release();
      throw error;
    }
  }
  const connection = await postgresConnection(config.url);
  let result: MigrationResult;
  try {
    result = await migrate(connection, migrations);
  } finally {
    await connection.close();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
  return {
    kind: 'postgres',
    prisma,
    migrations: result,
    backup: (file) => backupPostgres(config.url, file),
    close: () => prisma.$disconnect(),
  };
}

/** Asks the database a trivial question: resolves when it answers, rejects when it cannot. */
export async function pingDatabase(db: PrismaClient): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
