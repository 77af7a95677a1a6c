/**
 * Local offer benchmark: a county's Open Referral UK feed of 3,000 services from 600
 * organisations (v3, each with a location, contact, schedule, cost and taxonomy; one in a
 * hundred with an age sent as text, for a warning), read as the import route reads it and
 * loaded into the embedded database on disk (as `npm start` runs it) or PostgreSQL. Prints
 * services a second and peak memory for the first load, the same feed again (which must
 * change nothing) and a search of the directory.
 *
 *   npm run bench:offer -w @pathways/api                               # embedded, 3,000 services
 *   npm run bench:offer -w @pathways/api -- --services 10000 --backend postgres
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLocalOffer, openDatabase, searchServices, type Database } from '@pathways/db';
import { readOffer } from '../src/local-offer/oruk.ts';
import { createDatabase, startThrowAwayPostgres } from '../../../packages/db/test-support/postgres-server.ts';
import { argument } from './arguments.ts';

const SERVICES = Number(argument('services') ?? 3_000);
const BACKEND = argument('backend') ?? 'pglite';
const KINDS = ['Short breaks', 'Employment support', 'Mental health', 'Housing', 'Advocacy', 'Leisure'];

async function open(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (BACKEND === 'postgres') {
    const server = await startThrowAwayPostgres();
    const database = await createDatabase(server.url, 'pathways_offer_bench');
    const db = await openDatabase({ kind: 'postgres', url: database.url });
    return { db, close: async () => (await db.close(), await database.drop(), await server.stop()) };
  }
  const folder = mkdtempSync(join(tmpdir(), 'pathways-offer-bench-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: folder });
  return { db, close: async () => (await db.close(), rmSync(folder, { recursive: true, force: true })) };
}

/** One page of a v3 API holding every service. */
function feed(): string {
  const contents = Array.from({ length: SERVICES }, (_, i) => ({
    id: `svc-${i}`,
    name: `${KINDS[i % KINDS.length]} service ${i}`,
    description: `<p>Service ${i} helps young people and families. ${'Plain words about what it does. '.repeat(6)}</p>`,
    status: i % 50 === 0 ? 'inactive' : 'active',
    email: `service${i}@offer.example.org`,
    url: `www.offer.example.org/services/${i}`,
    minimum_age: i % 100 === 7 ? '16' : 14,
    maximum_age: i % 10 === 0 ? 999 : 25,
    organization: { id: `org-${i % 600}`, name: `Organisation ${i % 600}` },
    service_at_locations: [
      {
        location: {
          name: 'Centre',
          addresses: [{ address_1: `${i} High Street`, city: 'Benchtown', postal_code: 'bc1 2de' }],
        },
      },
    ],
    contacts: [{ name: 'Front desk', phones: [{ number: '01234 567890' }] }],
    schedules: [{ byday: 'MO,WE', opens_at: '09:00', closes_at: '17:00' }],
    cost_options: [{ amount: i % 3 === 0 ? 0 : 5, amount_description: 'a session' }],
    attributes: [{ taxonomy_term: { name: KINDS[i % KINDS.length] } }],
  }));
  return JSON.stringify({ total_items: SERVICES, total_pages: 1, page_number: 1, contents });
}

const { db, close } = await open();
try {
  const area = await db.prisma.localArea.create({
    data: { code: 'BC', name: 'Bench County', jurisdiction: 'england' },
  });
  const text = feed();
  console.log(`database open: peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(
    `${SERVICES.toLocaleString('en-GB')} services, ${(text.length / 1024 / 1024).toFixed(1)} MB, on ${BACKEND === 'postgres' ? 'PostgreSQL' : 'the embedded database (PGlite, on disk)'}`,
  );
  for (const label of ['first load', 'same feed again']) {
    const started = performance.now();
    const offer = readOffer(text);
    const counts = await importLocalOffer(db.prisma, area.id, {
      services: offer.services.map((read) => read.service),
      inactiveIds: offer.inactiveIds,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s  ${(SERVICES / seconds).toFixed(0).padStart(5)} services/s  ` +
        `created ${counts.servicesCreated}, updated ${counts.servicesUpdated}, unchanged ${counts.servicesUnchanged}, ` +
        `skipped ${offer.skipped.length}, warnings ${offer.warnings.length}  ` +
        `peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }
  const started = performance.now();
  const rounds = 50;
  let found = 0;
  for (let i = 0; i < rounds; i++)
    found = (
      await searchServices(db.prisma, {
        withinAreas: [area.id],
        text: i % 2 ? 'breaks' : undefined,
        topic: 'short_breaks',
        age: 16,
        freeOnly: i % 3 === 0,
        limit: 20,
        offset: 0,
      })
    ).total;
  console.log(
    `search           ${((performance.now() - started) / rounds).toFixed(1).padStart(6)} ms a search (${found} found)`,
  );
} finally {
  await close();
}
