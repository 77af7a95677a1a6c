import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile, rename } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Where Debian puts the PostgreSQL client programs; PATH is tried first. */
const DEBIAN_BIN = '/usr/lib/postgresql';

/** A PostgreSQL client program (pg_dump, pg_restore) from PATH or Debian's versioned folders. */
export function postgresProgram(name: 'pg_dump' | 'pg_restore'): string {
  const fromPath = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => `${dir}/${name}`)
    .find((candidate) => existsSync(candidate));
  if (fromPath) return fromPath;
  const versions = existsSync(DEBIAN_BIN) ? readdirSync(DEBIAN_BIN).sort((a, b) => Number(b) - Number(a)) : [];
  const debian = versions
    .map((version) => `${DEBIAN_BIN}/${version}/bin/${name}`)
    .find((candidate) => existsSync(candidate));
  if (!debian) throw new Error(`${name} not found: install the PostgreSQL client programs (Debian: postgresql-client)`);
  return debian;
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/**
 * A consistent copy of an embedded database, taken by the process that has it open: PGlite
 * runs one query at a time, so the data folder it archives is never mid-transaction. Written
 * to a temporary name and renamed, so a half-written file never looks like a backup.
 */
export async function backupPglite(pglite: PGlite, file: string): Promise<void> {
  const archive = await pglite.dumpDataDir('gzip');
  await writeFile(`${file}.partial`, Buffer.from(await archive.arrayBuffer()));
  await rename(`${file}.partial`, file);
}

/** A consistent copy of a PostgreSQL database while it is in use: pg_dump's custom format (one snapshot). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run(postgresProgram('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}.partial`, `--dbname=${url}`]);
  await rename(`${file}.partial`, file);
}

/** Restores an embedded backup into a new data folder (refusing one that already holds a database). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore into a new folder`);
  const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  await pglite.query('SELECT 1');
  await pglite.close();
}

/** Restores a pg_dump backup into an empty PostgreSQL database (refusing one that has tables). */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    if (Number(rows[0]?.count) > 0)
      throw new Error('the target database is not empty: restore into a new, empty database');
  } finally {
    await client.end();
  }
  await run(postgresProgram('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${url}`, file]);
}

/** A backup of an embedded database folder that no server has open (nothing to migrate, nothing changed). */
export async function backupPgliteFolder(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir)) throw new Error(`${dataDir} does not exist`);
  const pglite = await PGlite.create(dataDir);
  try {
    await backupPglite(pglite, file);
  } finally {
    await pglite.close();
  }
}
