/**
 * Vitest global setup: a real PostgreSQL 15 for the integration tests. Uses
 * TEST_DATABASE_URL when given (CI starts a cluster); otherwise starts a private, throw-away
 * cluster from the Debian binaries in a temporary folder and stops it afterwards. Without
 * either, PostgreSQL tests are skipped locally and fail in CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const BIN = '/usr/lib/postgresql/15/bin';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs a PostgreSQL binary, as the postgres user when we are root (initdb refuses root). */
function runAsPostgres(binary: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const command = isRoot ? 'su' : join(BIN, binary);
  const commandArgs = isRoot
    ? ['postgres', '-s', '/bin/sh', '-c', [join(BIN, binary), ...args].map((a) => `'${a}'`).join(' ')]
    : args;
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr || result.stdout}`);
}

/** Starts a private, throw-away PostgreSQL 15 cluster in a temporary folder (Debian binaries). */
export async function startPrivatePostgres(): Promise<{ url: string; stop: () => void }> {
  const folder = mkdtempSync(join(tmpdir(), 'pathways-pg-'));
  chmodSync(folder, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', folder]);
  const port = await freePort();
  const data = join(folder, 'data');
  runAsPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  runAsPostgres('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${folder} -c fsync=off`,
    '-l',
    join(folder, 'log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      runAsPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const hasPostgresBinaries = () => existsSync(join(BIN, 'initdb'));

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  if (!hasPostgresBinaries()) {
    if (process.env.CI) throw new Error('CI needs PostgreSQL 15: set TEST_DATABASE_URL or install postgresql-15');
    console.warn('PostgreSQL 15 binaries not found: PostgreSQL integration tests are skipped.');
    project.provide('postgresUrl', null);
    return;
  }
  const cluster = await startPrivatePostgres();
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}

/** A new, empty database on a PostgreSQL server; `drop()` removes it (closing its connections). */
export async function createDatabase(
  serverUrl: string,
  prefix = 'pathways_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
