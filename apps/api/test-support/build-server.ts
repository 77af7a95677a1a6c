import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: builds `dist/server.js` once before the tests that start a server
 * process, so they run the same compiled server that `npm start` runs (in under a second).
 */
export function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'build.ts'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
