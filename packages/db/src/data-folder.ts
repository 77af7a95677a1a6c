import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The embedded database's folder cannot be used: the message says why and what to do. */
export class DataFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
  }
}

/** What every PostgreSQL data folder holds; a folder with files but without these is not one. */
const DATABASE_MARKERS = ['PG_VERSION', 'global', 'base'];

/**
 * Refuses a folder that holds something but not a database (a damaged copy, a wrong path),
 * instead of letting the embedded server start a fresh, empty database beside it and the
 * records silently vanish. An absent or empty folder is a new database.
 */
export function checkDataFolder(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  if (!statSync(dataDir).isDirectory()) throw new DataFolderError(`DATA_DIR ${dataDir} is a file, not a folder.`);
  const entries = readdirSync(dataDir);
  if (entries.length === 0) return;
  const missing = DATABASE_MARKERS.filter((name) => !entries.includes(name));
  if (missing.length > 0) {
    throw new DataFolderError(
      `DATA_DIR ${dataDir} is not empty but is not a Pathways database (${missing.join(', ')} missing). ` +
        'Nothing was changed. Point DATA_DIR at the right folder, restore a backup into an empty folder, or use an empty folder for a new database.',
    );
  }
}

export type DataFolderLock = { release: () => Promise<void> };

/**
 * Holds the embedded database's folder for this process alone: a second server on the same
 * folder would keep its own copy of the data in memory and one of them would lose
 * acknowledged writes. The lock is a Unix socket this process listens on, beside the folder:
 * the operating system releases it the moment the process dies (even by SIGKILL), so a
 * restart never waits on a stale lock, and a live holder is found by connecting to it.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  mkdirSync(dataDir, { recursive: true });
  const socketPath = lockSocketPath(dataDir);
  for (let attempt = 0; attempt < 50; attempt++) {
    const server = await listenOn(socketPath);
    if (server) return { release: () => new Promise((resolve) => server.close(() => resolve())) };
    if (await answers(socketPath))
      throw new DataFolderError(
        `Another Pathways server is already using DATA_DIR ${dataDir}. Stop it first, or give this one its own DATA_DIR (or a DATABASE_URL to share one PostgreSQL).`,
      );
    // A socket left by a process that died: take it over, one process at a time.
    if (await takeOverStale(socketPath)) continue;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new DataFolderError(
    `Could not take DATA_DIR ${dataDir} for this server: another process keeps competing for it.`,
  );
}

/** Beside the folder when the path fits a socket address (about 100 bytes), else in the temporary folder, named by the folder. */
function lockSocketPath(dataDir: string): string {
  const beside = `${dataDir.replace(/\/+$/, '')}.lock`;
  if (Buffer.byteLength(beside) <= 100) return beside;
  return join(tmpdir(), `pathways-${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}.lock`);
}

function listenOn(socketPath: string): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end());
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(null) : reject(error),
    );
    server.listen(socketPath, () => {
      server.unref();
      resolve(server);
    });
  });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Removes a dead socket under a mutex (an atomic mkdir), checking again inside it that nobody
 * answers, so two processes finding the same dead socket cannot both take the folder. A mutex
 * left by a process killed inside this step is cleared after ten seconds.
 */
async function takeOverStale(socketPath: string): Promise<boolean> {
  const mutex = `${socketPath}.takeover`;
  try {
    mkdirSync(mutex);
  } catch {
    if (Date.now() - (statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 10_000)
      rmSync(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    if (!(await answers(socketPath))) unlinkSync(socketPath);
    return true;
  } catch {
    return true;
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}
