import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../../packages/db/test-support/postgres-server.ts';

const API_DIR = fileURLToPath(new URL('../../api/', import.meta.url));
export const WEB_ROOT = fileURLToPath(new URL('../dist/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'pathways-demo';

/**
 * Debian's Chromium, headless, with nothing that phones home. Without one the browser tests
 * fail at once, saying how to install it: they never skip.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}. Install it with \`sudo apt-get install -y chromium\` ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome you have.',
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts the real server (`npm start`'s entry point) in its own process on a free port:
 * migrations, demo data on an empty database, the built web app on the same port.
 */
export async function startServer(
  options: { databaseUrl?: string | undefined; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = options.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'pathways-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server.js'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      WEB_ROOT,
      DEMO_DATA: 'true',
      ...(options.databaseUrl
        ? { DATABASE_URL: options.databaseUrl }
        : { DATA_DIR: dataDir as string, DATABASE_URL: '' }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the page, as a person would. */
export async function signIn(context: BrowserContext, baseUrl: string, email: string, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel(/Email address/).fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // A Danish municipality's staff are greeted in Danish.
  await page.getByRole('button', { name: /^(Sign out|Log ud)$/ }).waitFor();
  return page;
}
