// The PostgreSQL URL provided by packages/db/test-support/postgres-server.ts (Vitest global setup).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
