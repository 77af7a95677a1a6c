/**
 * @pathways/db — the database: the generated Prisma client (committed), the start-up
 * migrator, and the connection to PGlite or PostgreSQL.
 *
 * @module
 */
export { openDatabase, type Database, type DatabaseConfig } from './database.ts';
export { migrate, readMigrations, checksumOf, MigrationError, MIGRATIONS_DIRECTORY, type Migration, type MigrationResult } from './migrator.ts';
export { pgliteConnection, postgresConnection, type SqlConnection } from './sql-connection.ts';
export { PrismaClient, Prisma } from './generated/prisma/client.ts';
export type * from './generated/prisma/models.ts';
