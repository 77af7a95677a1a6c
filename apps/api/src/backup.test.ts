import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseConfig } from '@pathways/db';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, freePort } from '../../../packages/db/test-support/postgres-server.ts';
import { startServerProcess } from '../test-support/server-process.ts';
import { DEMO_PASSWORD, DEMO_YOUNG_PEOPLE } from '@pathways/db';

const POSTGRES_URL = inject('postgresUrl');
const COMMAND = fileURLToPath(new URL('./ops/backup-command.ts', import.meta.url));

/** `npm run backup|restore -w @pathways/api -- FILE`, as an operator runs it. */
function runCommand(
  command: 'backup' | 'restore',
  file: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', COMMAND, command, file], {
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Every table's rows, in a stable order: two databases with the same records give the same text. */
async function everything(config: DatabaseConfig): Promise<Record<string, string>> {
  const database = await openDatabase(config);
  try {
    const tables = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const rows: Record<string, string> = {};
    for (const { name } of tables) {
      const data = await database.prisma.$queryRawUnsafe<{ row: string }[]>(
        `SELECT t::text AS row FROM "${name}" t ORDER BY 1`,
      );
      rows[name] = data.map((r) => r.row).join('\n');
    }
    return rows;
  } finally {
    await database.close();
  }
}

async function addGoal(url: string, text: string) {
  const signedIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'worker@northshire.test', password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const headers = {
    cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': csrfToken,
    origin: url,
    'content-type': 'application/json',
  };
  const [person] = (
    (await (await fetch(`${url}/api/young-people?pageSize=1`, { headers })).json()) as { items: { id: string }[] }
  ).items;
  const goal = await fetch(`${url}/api/young-people/${person?.id}/goals`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ text, outcomeArea: 'employment' }),
  });
  expect(goal.status).toBe(201);
  // A document too: its bytes live in the database, so the backup holds them with no extra step.
  const document = await fetch(
    `${url}/api/young-people/${person?.id}/documents?type=letter&title=${encodeURIComponent(text)}`,
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': 'letter.pdf' },
      body: `%PDF-1.4\n% ${text}\n%%EOF\n`,
    },
  );
  expect(document.status).toBe(201);
}

describe('backup and restore', () => {
  it('copies the embedded database while the server runs, and a new instance restored from it finds every record', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pathways-backup-'));
    const dataDir = join(folder, 'data');
    try {
      const server = await startServerProcess({
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(await freePort()),
        JOBS_INTERVAL_SECONDS: '0',
      });
      try {
        await addGoal(server.url, 'Written before the backup');
        const backup = await runCommand('backup', join(folder, 'pathways.tar.gz'), {
          DATA_DIR: dataDir,
          DATABASE_URL: '',
        });
        expect(backup.output).toContain('Backup written to');
        expect(backup.code).toBe(0);
        expect(server.logs.some((line) => line.includes('"message":"backup written"'))).toBe(true);
        await addGoal(server.url, 'Written after the backup');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      expect(statSync(join(folder, 'pathways.tar.gz')).size).toBeGreaterThan(0);
      expect(existsSync(join(folder, 'pathways.tar.gz.partial'))).toBe(false);

      const restoredDir = join(folder, 'restored');
      const restore = await runCommand('restore', join(folder, 'pathways.tar.gz'), {
        DATA_DIR: restoredDir,
        DATABASE_URL: '',
      });
      expect(restore.code, restore.output).toBe(0);
      // Restoring over an existing database is refused.
      expect(
        (await runCommand('restore', join(folder, 'pathways.tar.gz'), { DATA_DIR: restoredDir, DATABASE_URL: '' }))
          .output,
      ).toContain('is not empty');

      const original = await everything({ kind: 'pglite', dataDir });
      const restored = await everything({ kind: 'pglite', dataDir: restoredDir });
      expect(original.YoungPerson?.split('\n')).toHaveLength(DEMO_YOUNG_PEOPLE);
      expect(restored.Goal).toContain('Written before the backup');
      expect(restored.Goal).not.toContain('Written after the backup');
      expect(restored.Document).toContain('Written before the backup');
      expect(restored.Document).not.toContain('Written after the backup');
      // The document's content came back, byte for byte, and only the one written before.
      const restoredChunks = restored.DocumentChunk?.split('\n') ?? [];
      expect(restoredChunks).toHaveLength(1);
      expect(original.DocumentChunk?.split('\n')).toContain(restoredChunks[0]);
      // Everything else is the same, row for row (the later goal and its audit aside).
      for (const table of Object.keys(original).filter(
        (name) =>
          ![
            'Goal',
            'Document',
            'DocumentChunk',
            'AuditEntry',
            'Session',
            'LoginAttempt',
            'SignInThrottle',
            'User',
          ].includes(name),
      )) {
        expect(restored[table], table).toBe(original[table]);
      }
      // Signing in after the backup marked the account's last sign-in; every other account is the same.
      const otherAccounts = (rows: string | undefined) =>
        (rows ?? '').split('\n').filter((row) => !row.includes('worker@northshire.test'));
      expect(otherAccounts(restored.User)).toEqual(otherAccounts(original.User));
      expect(otherAccounts(original.User).length).toBeGreaterThan(5);
      // The restored folder serves: a new server on it starts without migrating or seeding.
      const again = await startServerProcess({
        DATA_DIR: restoredDir,
        DATABASE_URL: '',
        PORT: String(await freePort()),
        JOBS_INTERVAL_SECONDS: '0',
      });
      again.child.kill('SIGTERM');
      await again.exited;
      expect(again.logs.some((line) => line.includes('demo data seeded'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);

  it('copies PostgreSQL with pg_dump while the server runs, and pg_restore into a new database finds every record', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pathways-backup-'));
    const source = await createDatabase(POSTGRES_URL, 'pathways_backup');
    const target = await createDatabase(POSTGRES_URL, 'pathways_restore');
    try {
      const server = await startServerProcess({
        DATABASE_URL: source.url,
        PORT: String(await freePort()),
        JOBS_INTERVAL_SECONDS: '0',
      });
      try {
        await addGoal(server.url, 'Written before the backup');
        const backup = await runCommand('backup', join(folder, 'pathways.dump'), { DATABASE_URL: source.url });
        expect(backup.code, backup.output).toBe(0);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      const restore = await runCommand('restore', join(folder, 'pathways.dump'), { DATABASE_URL: target.url });
      expect(restore.code, restore.output).toBe(0);
      expect(
        (await runCommand('restore', join(folder, 'pathways.dump'), { DATABASE_URL: target.url })).output,
      ).toContain('not empty');
      const original = await everything({ kind: 'postgres', url: source.url });
      const restored = await everything({ kind: 'postgres', url: target.url });
      expect(original.YoungPerson?.split('\n')).toHaveLength(DEMO_YOUNG_PEOPLE);
      expect(restored.Document).toContain('Written before the backup');
      expect(restored).toEqual(original);
    } finally {
      await source.drop();
      await target.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
