// Prisma CLI configuration. The product itself never runs the CLI: it applies
// prisma/migrations with its own migrator (src/migrator.ts). Developers and CI use the CLI
// to generate the client and to check that the migrations produce the schema, with
// PRISMA_SCHEMA_ENGINE_BINARY pointing at ../shared/tools/prisma-schema-engine.mjs.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'pglite:' },
});
