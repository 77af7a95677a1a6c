import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * How `npm run backup` reaches a running server on the embedded database, whose data folder
 * only that process may open: files beside the folder and a signal (so only the account that
 * runs the server can ask). The server writes its process id; the command writes where the
 * copy should go and sends SIGUSR2; the server makes the copy and writes the outcome.
 */
export const embeddedBackupFiles = (dataDir: string) => ({
  pid: `${dataDir}.pid`,
  request: `${dataDir}.backup-request`,
  result: `${dataDir}.backup-result`,
});

/** The running server's process id for this data folder, or null if none is running. */
export function runningServer(dataDir: string): number | null {
  const { pid } = embeddedBackupFiles(dataDir);
  if (!existsSync(pid)) return null;
  const id = Number(readFileSync(pid, 'utf8').trim());
  try {
    process.kill(id, 0);
    return id;
  } catch {
    return null;
  }
}

/** Asks the running server for a backup to `file` and waits for it (up to `timeoutMs`). */
export async function requestBackupFromServer(
  dataDir: string,
  pid: number,
  file: string,
  timeoutMs = 600_000,
): Promise<void> {
  const paths = embeddedBackupFiles(dataDir);
  rmSync(paths.result, { force: true });
  writeFileSync(paths.request, file);
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(paths.result)) {
      const outcome = JSON.parse(readFileSync(paths.result, 'utf8')) as { ok: boolean; error?: string };
      rmSync(paths.result, { force: true });
      if (!outcome.ok) throw new Error(`the server could not make the backup: ${outcome.error}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not answer the backup request in time');
}

/** In the server: answers backup requests (SIGUSR2) with `backup(file)`. */
export function answerBackupRequests(
  dataDir: string,
  backup: (file: string) => Promise<void>,
  log: (message: string, fields: Record<string, unknown>) => void,
): () => void {
  const paths = embeddedBackupFiles(dataDir);
  writeFileSync(paths.pid, String(process.pid));
  const onSignal = async () => {
    let outcome: { ok: boolean; error?: string };
    let file = '';
    try {
      file = readFileSync(paths.request, 'utf8').trim();
      rmSync(paths.request, { force: true });
      await backup(file);
      outcome = { ok: true };
      log('backup written', { file });
    } catch (error) {
      outcome = { ok: false, error: String(error) };
      log('backup failed', { file, error: String(error) });
    }
    writeFileSync(paths.result, JSON.stringify(outcome));
  };
  const listener = () => void onSignal();
  process.on('SIGUSR2', listener);
  return () => {
    process.off('SIGUSR2', listener);
    rmSync(paths.pid, { force: true });
  };
}
