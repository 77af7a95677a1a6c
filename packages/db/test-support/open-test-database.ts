import { openDatabase, type Database } from '../src/database.ts';
import { freshPostgresDatabase } from './databases.ts';

export type Backend = {
  name: string;
  isAvailable: boolean;
  open: () => Promise<Database & { drop: () => Promise<void> }>;
};

/** Both databases the product runs on: embedded PGlite (in memory) and a real PostgreSQL 15. */
export const BACKENDS: Backend[] = [
  {
    name: 'PGlite',
    isAvailable: true,
    open: async () => {
      const database = await openDatabase({ kind: 'pglite' });
      return { ...database, drop: () => database.close() };
    },
  },
  {
    name: 'PostgreSQL 15',
    isAvailable: true,
    open: async () => {
      const server = await freshPostgresDatabase();
      const database = await openDatabase({ kind: 'postgres', url: server.url });
      return {
        ...database,
        drop: async () => {
          await database.close();
          await server.drop();
        },
      };
    },
  },
];
