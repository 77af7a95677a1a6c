import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The little the migrator needs from a database connection: one session, plain SQL. */
export type SqlConnection = {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

/** A connection over an embedded PGlite database (which is a single session anyway). */
export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    // The database belongs to its opener; the migrator only borrows it.
    close: async () => {},
  };
}

/** A dedicated session on a PostgreSQL server (advisory locks belong to a session). */
export async function postgresConnection(url: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
    exec: async (sql) => {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}
