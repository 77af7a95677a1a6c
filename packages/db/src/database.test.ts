import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../test-support/databases.ts';
import { openDatabase, type DatabaseConfig } from './database.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function embeddedOnDisk(): Promise<DatabaseConfig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathways-pglite-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return { kind: 'pglite', dataDir };
}

async function server(): Promise<DatabaseConfig> {
  const database = await freshPostgresDatabase();
  cleanups.push(database.drop);
  return { kind: 'postgres', url: database.url };
}

describe.each([
  ['embedded PGlite in a folder', embeddedOnDisk, false],
  ['PostgreSQL 15', server, false],
] as const)('openDatabase on %s', (_name, configure, skip) => {
  it.skipIf(skip)(
    'migrates on first start, keeps data across restarts, and migrates nothing the second time',
    async () => {
      const config = await configure();
      const first = await openDatabase(config);
      expect(first.migrations.applied.length).toBeGreaterThan(0);
      const area = await first.prisma.localArea.create({
        data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' },
      });
      await first.prisma.youngPerson.create({
        data: {
          areaId: area.id,
          givenName: 'Maya',
          familyName: 'Hill',
          dateOfBirth: new Date('2012-03-03'),
          jurisdiction: 'england',
          hasEhcPlan: true,
        },
      });
      await first.close();

      const second = await openDatabase(config);
      cleanups.push(() => second.close());
      expect(second.migrations).toEqual({ applied: [], alreadyApplied: first.migrations.applied.length });
      const people = await second.prisma.youngPerson.findMany({ include: { area: true } });
      expect(people).toHaveLength(1);
      expect(people[0]).toMatchObject({ givenName: 'Maya', hasEhcPlan: true, version: 1, area: { code: 'NS' } });
      expect(people[0]?.dateOfBirth.toISOString().slice(0, 10)).toBe('2012-03-03');
    },
  );
});
