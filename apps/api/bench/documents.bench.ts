/**
 * Documents benchmark: uploads and downloads of a large PDF over real HTTP, into the embedded
 * database on disk (as `npm start` runs it) or PostgreSQL. Prints seconds, megabytes a second
 * and how far the process's memory rose above where it started: the upload streams to a
 * temporary file and goes into the database in 256 KiB pieces, the download comes back in
 * pieces, so the rise should not grow with the file (compare --mb 5 with --mb 20). The rise is
 * resident memory of the whole process: server, client and garbage not yet collected (and, for
 * the embedded database, PGlite's own pages).
 *
 *   npm run bench:documents -w @pathways/api                          # embedded, 20 MB, 5 times
 *   npm run bench:documents -w @pathways/api -- --mb 5 --times 3 --backend postgres
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { serve } from '@hono/node-server';
import { createYoungPerson, openDatabase, type Database } from '@pathways/db';
import { createDatabase, startThrowAwayPostgres } from '../../../packages/db/test-support/postgres-server.ts';
import { createApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { silentLogger } from '../src/logger.ts';
import { argument } from './arguments.ts';

const MB = Number(argument('mb') ?? 20);
const TIMES = Number(argument('times') ?? 5);
const BACKEND = argument('backend') ?? 'pglite';
const PASSWORD = 'benchmark password 2026';
const folder = mkdtempSync(join(tmpdir(), 'pathways-documents-bench-'));

async function open(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (BACKEND === 'postgres') {
    const server = await startThrowAwayPostgres();
    const database = await createDatabase(server.url, 'pathways_documents_bench');
    const db = await openDatabase({ kind: 'postgres', url: database.url });
    return { db, close: async () => (await db.close(), await database.drop(), await server.stop()) };
  }
  const db = await openDatabase({ kind: 'pglite', dataDir: join(folder, 'data') });
  return { db, close: () => db.close() };
}

/** The highest resident memory seen while `work` runs, sampled every 10 ms. */
async function peakDuring<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

const { db, close } = await open();
const server = serve({
  fetch: createApp({
    db: db.prisma,
    logger: silentLogger,
    now: () => new Date(),
    secureCookies: false,
    requireStaffSecondFactor: false,
  }).fetch,
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
try {
  const area = await db.prisma.localArea.create({
    data: { code: 'BC', name: 'Bench County', jurisdiction: 'england' },
  });
  const worker = await db.prisma.user.create({
    data: {
      email: 'worker@bench.test',
      name: 'Worker',
      role: 'transition_worker',
      areaId: area.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  const person = await createYoungPerson({
    db: db.prisma,
    actor: { userId: worker.id, role: 'transition_worker' },
    today: new Date().toISOString().slice(0, 10),
    input: {
      areaId: area.id,
      givenName: 'Bench',
      familyName: 'Person',
      dateOfBirth: '2010-05-05',
      jurisdiction: 'england',
    },
  });
  const signedIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'worker@bench.test', password: PASSWORD }),
  });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const file = join(folder, 'plan.pdf');
  writeFileSync(
    file,
    Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MB * 1024 * 1024 - 16, 0x20), Buffer.from('\n%%EOF\n')]),
  );
  console.log(
    `${MB} MB PDF, ${TIMES} times, on ${BACKEND === 'postgres' ? 'PostgreSQL' : 'the embedded database (PGlite, on disk)'}`,
  );
  for (let round = 1; round <= TIMES; round++) {
    // Each round from a settled heap (run with --expose-gc, as the npm script does), so a rise is this round's own.
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.memoryUsage().rss;
    const upload = await peakDuring(async () => {
      const started = performance.now();
      const response = await fetch(`${base}/api/young-people/${person.id}/documents?type=ehc_plan&title=Plan`, {
        method: 'POST',
        headers: { origin: base, cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/octet-stream' },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
      return { id: ((await response.json()) as { id: string }).id, ms: performance.now() - started };
    });
    const download = await peakDuring(async () => {
      const started = performance.now();
      const response = await fetch(`${base}/api/documents/${upload.result.id}/content`, { headers: { cookie } });
      let bytes = 0;
      for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) bytes += piece.length;
      if (bytes !== MB * 1024 * 1024) throw new Error(`download: ${bytes} bytes`);
      return { ms: performance.now() - started };
    });
    const rate = (ms: number) => `${(MB / (ms / 1000)).toFixed(1)} MB/s`;
    const rise = (peak: number) => `${((peak - start) / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `round ${round}: upload ${(upload.result.ms / 1000).toFixed(2)} s (${rate(upload.result.ms)}, memory +${rise(upload.peak)}), ` +
        `download ${(download.result.ms / 1000).toFixed(2)} s (${rate(download.result.ms)}, memory +${rise(download.peak)})`,
    );
  }
} finally {
  await new Promise((resolve) => server.close(resolve));
  await close();
  rmSync(folder, { recursive: true, force: true });
}
