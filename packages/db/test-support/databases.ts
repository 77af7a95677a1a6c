import { inject } from 'vitest';
import { createDatabase } from './postgres-server.ts';

/** The test PostgreSQL server's URL, or null where none is available (tests then skip). */
export const POSTGRES_URL = inject('postgresUrl');

/** A new, empty database on the test server; `drop()` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('no PostgreSQL server');
  return createDatabase(POSTGRES_URL);
}
