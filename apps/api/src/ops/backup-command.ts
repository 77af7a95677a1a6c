/**
 * `npm run backup -w @pathways/api -- FILE` makes a consistent backup, with the server
 * running or not: of the PostgreSQL database at DATABASE_URL (pg_dump, custom format), or of
 * the embedded database in DATA_DIR (asking the running server for it, or opening the folder
 * itself when no server is running).
 *
 * `npm run restore -w @pathways/api -- FILE` restores one into a new, empty place: the
 * PostgreSQL database at DATABASE_URL, or the embedded database folder DATA_DIR.
 */
import { resolve } from 'node:path';
import { backupPgliteFolder, backupPostgres, restorePglite, restorePostgres } from '@pathways/db';
import { ConfigError, readConfig } from '../config.ts';
import { requestBackupFromServer, runningServer } from './embedded-backup.ts';

async function main() {
  const [command, target] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !target)
    throw new ConfigError('arguments', 'usage: backup FILE | restore FILE');
  const file = resolve(target);
  const { database } = readConfig(process.env);
  if (command === 'backup') {
    if (database.kind === 'postgres') await backupPostgres(database.url, file);
    else {
      const pid = runningServer(database.dataDir);
      if (pid !== null) await requestBackupFromServer(database.dataDir, pid, file);
      else await backupPgliteFolder(database.dataDir, file);
    }
    process.stdout.write(`Backup written to ${file}\n`);
  } else {
    if (database.kind === 'postgres') await restorePostgres(file, database.url);
    else await restorePglite(file, database.dataDir);
    process.stdout.write(
      `Restored ${file} into ${database.kind === 'postgres' ? 'the database at DATABASE_URL' : database.dataDir}; start the server on it as usual.\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
