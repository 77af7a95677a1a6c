import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpSink } from '../../api/test-support/smtp-sink.ts';
import { createDatabase } from '../../../packages/db/test-support/postgres-server.ts';
import { launchChromium, signIn, startServer, type RunningServer } from './harness.ts';

/**
 * Working together, in Debian's Chromium against the real server on PostgreSQL with real
 * e-mail (an SMTP sink): an administrator invites a school's SEN coordinator, who signs in,
 * sees only the young people she is linked to and adds an advice report that the worker and
 * (with the young person's agreement) adult services open; adult services ask about a
 * handover, the worker answers and publishes version 2, and they see what changed and
 * acknowledge it; Maya sends her worker a message and reads the reply. SCREENSHOT_DIR=…
 * keeps what each step looked like, at desktop and phone width.
 */
const SHOTS = process.env.SCREENSHOT_DIR;
let server: RunningServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let browser: Browser;
let database: { url: string; drop: () => Promise<void> };
let sql: pg.Client;
const contexts: BrowserContext[] = [];
const files = mkdtempSync(join(tmpdir(), 'pathways-together-'));

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
  });
  const small = await phone.newPage();
  await small.goto(page.url());
  await small.getByRole('heading', { level: 1 }).waitFor();
  await small.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await phone.close();
}

async function as(email: string, path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  return signIn(context, server.baseUrl, email, path);
}

const toAddress = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const row = async <T>(query: string, values: unknown[] = []) => (await sql.query(query, values)).rows[0] as T;
/** A GET from inside the page, with its session: the status a link there would get. */
const statusOf = (page: Page, url: string) => page.evaluate(async (path) => (await fetch(path)).status, url);

beforeAll(async () => {
  const postgresUrl = inject('postgresUrl');
  if (!postgresUrl) throw new Error('This journey needs the test PostgreSQL server (packages/db/test-support).');
  database = await createDatabase(postgresUrl);
  sink = await smtpSink();
  [server, browser] = await Promise.all([
    startServer({
      databaseUrl: database.url,
      // Messages are told of at once (no batching wait), the scheduler looking every second.
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Pathways <no-reply@northshire.test>',
        JOBS_INTERVAL_SECONDS: '1',
        MESSAGE_EMAIL_MINUTES: '0',
      },
    }),
    launchChromium(),
  ]);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

afterEach(async (test) => {
  if (test.task.result?.state !== 'fail') return;
  mkdirSync('/tmp/together-failures', { recursive: true });
  let index = 0;
  for (const context of contexts)
    for (const page of context.pages())
      await page.screenshot({
        path: `/tmp/together-failures/${test.task.name.slice(0, 20)}-${index++}.png`,
        fullPage: true,
      });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await sql?.end();
  await browser?.close();
  await server?.stop();
  await sink?.close();
  await database?.drop();
});

describe('everyone around the young person', () => {
  it('an invited SEN coordinator sees only her linked young people and adds advice the worker and adult services open', async () => {
    // A young person at Riverside whose handover went to adult social care, with all four parts agreed.
    const pupil = await row<{ id: string; name: string }>(
      `SELECT y.id, y."givenName" || ' ' || y."familyName" AS name
         FROM "YoungPerson" y JOIN "Handover" h ON h."youngPersonId" = y.id
        WHERE y.id IN (SELECT "youngPersonId" FROM "ContributorLink") LIMIT 1`,
    );
    const admin = await as('admin@pathways.test', '/accounts/invite');
    await admin.getByLabel('Name', { exact: true }).fill('Tom Baker');
    await admin.getByLabel('Email', { exact: true }).fill('tom@riverside.test');
    await admin.getByLabel('SEN coordinator (school or college)').check();
    await admin.getByLabel('Area').selectOption({ label: 'Northshire County Council' });
    await admin.getByLabel('Agency', { exact: true }).selectOption({ label: 'Riverside Special School' });
    await admin.getByRole('button', { name: 'Check the invitation' }).click();
    await shoot(admin, 'contributor-invite-check');
    const sent = sink.received.length;
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    let link: string | undefined;
    for (let tries = 0; tries < 100 && !link; tries++) {
      const mail = sink.received.slice(sent).find((m) => toAddress(m) === 'tom@riverside.test');
      link = /(http\S+\/set-password#[\w-]+)/.exec(mail?.text ?? '')?.[1];
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(link).toBeDefined();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    contexts.push(context);
    const tom = await context.newPage();
    await tom.goto(link as string);
    await tom.getByLabel('New password').fill('riverside advice 2026');
    await tom.getByRole('button', { name: 'Save password' }).click();
    await tom.getByRole('heading', { name: 'Your password is saved' }).waitFor();
    await tom.goto(`${server.baseUrl}/sign-in`);
    await tom.getByLabel('Email address').fill('tom@riverside.test');
    await tom.getByLabel('Password', { exact: true }).fill('riverside advice 2026');
    await tom.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tom.getByRole('heading', { name: 'Young people you work with' }).waitFor();
    await tom.getByText(/Nobody has been linked to you yet/).waitFor();

    // The worker links him to the pupil.
    const worker = await as('worker@northshire.test', `/young-people/${pupil.id}`);
    await worker
      .getByLabel('Link someone from another agency')
      .selectOption({ label: 'Tom Baker — SEN coordinator (school or college), Riverside Special School' });
    await worker.getByRole('button', { name: 'Link them' }).click();
    await worker.getByText('Tom Baker is now linked.').waitFor();
    await shoot(worker, 'contributors-linked');

    await tom.reload();
    await tom.getByRole('link', { name: pupil.name }).waitFor();
    expect(await tom.locator('main li').count()).toBe(1);
    // Anyone else's record is not his to see.
    const other = await row<{ id: string }>(
      `SELECT id FROM "YoungPerson" WHERE id <> $1 AND "areaId" = (SELECT "areaId" FROM "YoungPerson" WHERE id = $1) LIMIT 1`,
      [pupil.id],
    );
    expect(await statusOf(tom, `/api/young-people/${other.id}`)).toBe(404);

    await tom.getByRole('link', { name: pupil.name }).click();
    await tom.getByRole('heading', { level: 2, name: 'Documents' }).waitFor();
    // The form says what is missing, each problem linked to its field.
    await tom.getByRole('button', { name: 'Add the document' }).click();
    await expect
      .poll(() => tom.getByRole('alert').locator('a').allTextContents())
      .toEqual(['Choose what the document is', 'Enter a title for the document', 'Choose a file to add']);
    const report = join(files, 'advice.pdf');
    writeFileSync(report, '%PDF-1.7\n% Riverside advice for the review\n%%EOF\n');
    await tom.getByLabel('Advice report').check();
    await tom.getByLabel('Title').fill('Riverside advice, November 2026');
    await tom.getByLabel('Choose the file').setInputFiles(report);
    await tom.getByRole('button', { name: 'Add the document' }).click();
    await tom.getByText('“Riverside advice, November 2026” was added.').waitFor();
    await shoot(tom, 'documents-added-by-school');
    // A program renamed .pdf is refused, by what it is.
    const program = join(files, 'report.pdf');
    writeFileSync(
      program,
      Buffer.concat([
        Buffer.from('MZ'),
        Buffer.alloc(0x3a),
        Buffer.from([0x80, 0, 0, 0]),
        Buffer.alloc(0x40),
        Buffer.from('PE\0\0'),
        Buffer.alloc(512),
      ]),
    );
    await tom.getByLabel('Letter').check();
    await tom.getByLabel('Title').fill('Not really a letter');
    await tom.getByLabel('Choose the file').setInputFiles(program);
    await tom.getByRole('button', { name: 'Add the document' }).click();
    await tom.getByText(/This file is not one we can keep/).waitFor();

    const documentId = (
      await row<{ id: string }>(`SELECT id FROM "Document" WHERE title = 'Riverside advice, November 2026'`)
    ).id;
    await worker.reload();
    await worker.getByRole('link', { name: 'Download Riverside advice, November 2026' }).waitFor();
    expect(await statusOf(worker, `/api/documents/${documentId}/content`)).toBe(200);

    // Adult services see it listed in the handover pack and open it.
    const handoverId = (await row<{ id: string }>(`SELECT id FROM "Handover" WHERE "youngPersonId" = $1`, [pupil.id]))
      .id;
    const adults = await as('adults@northshire.test', `/handovers/${handoverId}`);
    await adults.getByRole('link', { name: 'Download Riverside advice, November 2026' }).waitFor();
    expect(await statusOf(adults, `/api/documents/${documentId}/content`)).toBe(200);
    await shoot(adults, 'handover-shared-documents');
  });

  it('adult services ask about a handover; the worker answers and publishes version 2; they see what changed and acknowledge', async () => {
    const handover = await row<{ id: string; name: string; worker: string }>(
      `SELECT h.id, y."givenName" || ' ' || y."familyName" AS name, u.email AS worker
         FROM "Handover" h JOIN "YoungPerson" y ON y.id = h."youngPersonId" JOIN "User" u ON u.id = y."namedWorkerId"
        WHERE h.status = 'sent' ORDER BY y."givenName" LIMIT 1`,
    );
    const adults = await as('adults@northshire.test', `/handovers/${handover.id}`);
    await adults.getByText('Ask for more information').click();
    await adults.getByLabel('What do you need to know?').fill('What support is there at night?');
    await adults.getByRole('button', { name: 'Send question' }).click();
    await adults.getByText('They asked: What support is there at night?').waitFor();

    const worker = await as(handover.worker, '/messages');
    await worker.getByRole('link', { name: `About the handover of ${handover.name}` }).click();
    await worker.getByText('What support is there at night?').waitFor();
    await worker.getByLabel('Your message').fill('Her parents cover nights; I have added this under needs.');
    await worker.getByRole('button', { name: 'Send message' }).click();
    await worker.getByText('Your message was sent.').waitFor();
    await shoot(worker, 'handover-conversation');

    await worker.goto(`${server.baseUrl}/handovers/${handover.id}`);
    // The pack's own papers: a letter added on the handover, which the agency may see (plan agreed).
    const letter = join(files, 'letter.pdf');
    writeFileSync(letter, '%PDF-1.7\n% Night support letter\n%%EOF\n');
    await worker.getByLabel('Letter').check();
    await worker.getByLabel('Title').fill('Night support letter');
    await worker.getByLabel('Choose the file').setInputFiles(letter);
    await worker.getByRole('button', { name: 'Add the document' }).click();
    await worker.getByText('“Night support letter” was added.').waitFor();
    await worker.getByRole('link', { name: 'Download Night support letter' }).first().waitFor();
    await worker.getByRole('button', { name: 'Publish a new version' }).click();
    await worker.getByLabel('Needs').fill('Personal care; her parents cover nights for now.');
    await worker.getByLabel('What changed, in a sentence (optional)').fill('Added night-time support under needs.');
    await shoot(worker, 'handover-publish-form');
    await worker.getByRole('button', { name: 'Publish version 2' }).click();
    await worker.getByText('Changed: Needs').waitFor();

    await adults.reload();
    await adults.getByText('Version 2', { exact: false }).first().waitFor();
    await adults.getByText('Changed: Needs').waitFor();
    await adults.getByText('Personal care; her parents cover nights for now.').waitFor();
    await adults.getByRole('link', { name: 'Download Night support letter' }).waitFor();
    await shoot(adults, 'handover-version-2');
    await adults.getByRole('button', { name: 'Acknowledge' }).click();
    await expect
      .poll(
        async () =>
          (await row<{ status: string }>(`SELECT status FROM "Handover" WHERE id = $1`, [handover.id])).status,
      )
      .toBe('acknowledged');
  });

  it('Maya sends her worker a message and sees the reply; the e-mail names nobody', async () => {
    const maya = await row<{ id: string; worker: string }>(
      // Maya is the young person of her own account (the demo has more than one "Maya Hill").
      `SELECT y.id, u.email AS worker FROM "YoungPerson" y JOIN "User" u ON u.id = y."namedWorkerId"
        WHERE y.id = (SELECT "youngPersonId" FROM "User" WHERE email = 'maya@family.test')`,
    );
    const page = await as('maya@family.test', '/my-plan');
    await page.getByRole('link', { name: 'Send a message to your worker' }).click();
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Write your message' }).waitFor();
    await page.getByLabel('Your message').fill('Can we talk about college before my review?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Your message was sent.').waitFor();

    const worker = await as(maya.worker, '/caseload');
    await worker.getByRole('link', { name: /Messages \(\d+ new\)/ }).click();
    await worker.getByRole('link', { name: 'With Maya Hill and their family' }).click();
    await worker.getByText('Can we talk about college before my review?').waitFor();
    await worker.getByLabel('Your message').fill('Yes — I will ring you on Thursday.');
    await worker.getByRole('button', { name: 'Send message' }).click();
    await worker.getByText('Your message was sent.').waitFor();

    await page.reload();
    await page.getByText('Yes — I will ring you on Thursday.').waitFor();
    await page
      .getByText(/Read by/)
      .first()
      .waitFor();
    await shoot(page, 'conversation-young-person');

    // The worker was told by e-mail, which says nothing of who or what.
    await expect
      .poll(
        () =>
          sink.received.filter(
            (m) => toAddress(m) === maya.worker && m.subject === 'You have a new message in Pathways',
          ).length,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    for (const mail of sink.received.filter((m) => m.subject === 'You have a new message in Pathways'))
      expect(mail.text).not.toMatch(/Maya|college|Thursday|night/);
  });
});
