import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { V3_SERVICE } from '../../api/test-support/oruk-examples.ts';
import { smtpSink } from '../../api/test-support/smtp-sink.ts';
import { createDatabase } from '../../../packages/db/test-support/postgres-server.ts';
import { launchChromium, signIn, startServer, type RunningServer } from './harness.ts';

/**
 * The local offer, in Debian's Chromium against the real server on PostgreSQL with real
 * e-mail (an SMTP sink) and a council's Open Referral UK feed on a local web server: a parent
 * finds short breaks for a 16-year-old; a worker refers Maya from a step of her plan with her
 * agreement, the service gets the letter, the worker records that it accepted and the step
 * turns done; an administrator loads the feed. SCREENSHOT_DIR=… keeps what each step looked
 * like, at desktop and phone width.
 */
const SHOTS = process.env.SCREENSHOT_DIR;
let server: RunningServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let browser: Browser;
let database: { url: string; drop: () => Promise<void> };
let sql: pg.Client;
let feed: Server;
const contexts: BrowserContext[] = [];

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
const statusOf = (page: Page, url: string) => page.evaluate(async (path) => (await fetch(path)).status, url);

beforeAll(async () => {
  const postgresUrl = inject('postgresUrl');
  if (!postgresUrl) throw new Error('This journey needs the test PostgreSQL server (packages/db/test-support).');
  database = await createDatabase(postgresUrl);
  sink = await smtpSink();
  // The council's ORUK API: one page holding the standard's example service.
  feed = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ total_items: 1, total_pages: 1, page_number: 1, contents: [V3_SERVICE] }));
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  [server, browser] = await Promise.all([
    startServer({
      databaseUrl: database.url,
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Pathways <no-reply@northshire.test>',
        JOBS_INTERVAL_SECONDS: '1',
        OFFER_FEEDS_ON_PRIVATE_NETWORK: 'true',
      },
    }),
    launchChromium(),
  ]);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

afterEach(async (test) => {
  if (test.task.result?.state !== 'fail') return;
  mkdirSync('/tmp/local-offer-failures', { recursive: true });
  let index = 0;
  for (const context of contexts)
    for (const page of context.pages())
      await page.screenshot({ path: `/tmp/local-offer-failures/${index++}.png`, fullPage: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await sql?.end();
  await browser?.close();
  await server?.stop();
  await sink?.close();
  await database?.drop();
  await new Promise<void>((resolve) => (feed ? feed.close(() => resolve()) : resolve()));
});

describe('the local offer', () => {
  it('a parent searches for short breaks for a 16-year-old and finds the right services', async () => {
    const parent = await as('parent@family.test');
    await parent.getByRole('link', { name: 'Local offer' }).click();
    await parent.getByRole('heading', { name: 'Find services', level: 1 }).waitFor();
    await parent.getByLabel('What do you need help with?').selectOption({ label: 'Short breaks' });
    await parent.getByLabel('Age of the young person').fill('16');
    await parent.getByRole('button', { name: 'Search' }).click();
    await parent.getByRole('heading', { name: '3 services found' }).waitFor();
    const found = await parent.locator('.service-card h3').allTextContents();
    expect(found).toEqual([
      'Holiday Play and Youth Scheme',
      'Meadow House overnight breaks',
      'Saturday Short Breaks Club',
    ]);
    await shoot(parent, 'offer-search-short-breaks');
    // Free ones only: the Saturday club.
    await parent.getByLabel('Free services only').check();
    await parent.getByRole('button', { name: 'Search' }).click();
    await parent.getByRole('heading', { name: '1 service found' }).waitFor();
    // A mistyped age is caught before searching, in the error summary linked to the field.
    await parent.getByLabel('Age of the young person').fill('sixteen');
    await parent.getByRole('button', { name: 'Search' }).click();
    await parent.getByRole('alert').getByRole('link', { name: 'Enter an age in years, like 16' }).click();
    await expect.poll(() => parent.evaluate(() => document.activeElement?.id)).toBe('age');
    await parent.getByLabel('Age of the young person').fill('16');
    await parent.getByRole('button', { name: 'Search' }).click();
    await parent.getByRole('link', { name: 'Saturday Short Breaks Club' }).click();
    await parent.getByRole('heading', { name: 'Saturday Short Breaks Club', level: 1 }).waitFor();
    await parent.getByRole('heading', { name: 'How to get it' }).waitFor();
    await parent.getByText('Ask your social worker or transition worker to refer you.').waitFor();
    await parent.getByText('5 Meadow Lane, Northtown').waitFor();
    await shoot(parent, 'offer-service-page');
  });

  it('a worker refers Maya from a step of her plan with her agreement, marks it accepted, and the step turns done', async () => {
    const maya = await row<{ id: string }>(`SELECT "youngPersonId" AS id FROM "User" WHERE email = 'maya@family.test'`);
    const worker = await as('worker@northshire.test', `/young-people/${maya.id}`);
    await worker.getByRole('heading', { name: 'What next' }).waitFor();
    // A step marked done by recording it, beside which services can help: refer from there.
    const step = worker
      .locator('li.next-item')
      .filter({ has: worker.locator('form.mark-done') })
      .filter({ has: worker.getByRole('link', { name: /^Refer to / }) })
      .first();
    const milestoneId = (await step.getAttribute('data-next')) as string;
    const referLink = step.getByRole('link', { name: /^Refer to / }).first();
    const serviceName = ((await referLink.getAttribute('aria-label')) as string).replace(/^Refer to /, '');
    await shoot(worker, 'offer-plan-services');
    await referLink.click();
    await worker.getByRole('heading', { name: 'Refer Maya Hill to a service' }).waitFor();
    // Nothing said yet: the error summary says what is missing.
    await worker.getByRole('button', { name: 'Continue' }).click();
    await worker.getByRole('alert').getByText('Say what the referral is for').waitFor();
    await worker.getByRole('alert').getByText('Say who agreed to the referral').waitFor();
    await shoot(worker, 'offer-refer-errors');
    expect(await worker.getByLabel('Service', { exact: true }).inputValue()).not.toBe('');
    await worker.getByLabel('What is the referral for?').fill('Help to get ready for life after her EHC plan ends');
    expect(await worker.getByLabel('Mark this step done when the service accepts').isChecked()).toBe(true);
    await worker.getByLabel('Maya Hill agreed').check();
    await worker.getByLabel('Their transition plan (not health)').check();
    await worker.getByRole('button', { name: 'Continue' }).click();
    await worker.getByRole('heading', { name: 'Check the referral before you send it' }).waitFor();
    await worker.getByText('Their transition plan (not health)').waitFor();
    await shoot(worker, 'offer-refer-check');
    await worker.getByRole('button', { name: 'Send the referral' }).click();

    const referral = worker.locator('li.referral').first();
    await referral.getByRole('heading', { name: new RegExp(serviceName) }).waitFor();
    await referral.getByText('Sent', { exact: true }).waitFor();
    // The service's referral address gets the letter: what it is for, with whose agreement; no more.
    const address = (
      await row<{ sentTo: string }>(`SELECT "sentTo" FROM "Referral" WHERE "youngPersonId" = $1`, [maya.id])
    ).sentTo;
    let letter: ParsedMail | undefined;
    for (let tries = 0; tries < 100 && !letter; tries++) {
      letter = sink.received.find((mail) => toAddress(mail) === address);
      if (!letter) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(letter?.subject).toBe(`Referral: Maya Hill to ${serviceName}`);
    expect(letter?.text).toContain('Help to get ready for life after her EHC plan ends');
    expect(letter?.text).toContain('Agreed by the young person');
    expect(letter?.text).not.toContain('About them, in their own words');
    const letterHref = (await referral.getByRole('link', { name: 'Referral letter' }).getAttribute('href')) as string;
    expect(await statusOf(worker, letterHref)).toBe(200);

    // The service said yes: the worker records it, and the step it was for is done.
    await referral.getByText('Record an answer').click();
    await referral.getByLabel('Accepted').check();
    await shoot(worker, 'offer-referral-answer');
    await referral.getByRole('button', { name: 'Save' }).click();
    await referral.getByText('Saved: Accepted. The step it was for is now done.').waitFor();
    await worker.locator(`tr[data-milestone="${milestoneId}"] .status-done`).waitFor();
    expect(
      (
        await row<{ completedOn: Date | null }>(
          `SELECT "completedOn" FROM "Milestone" WHERE "youngPersonId" = $1 AND "milestoneId" = $2`,
          [maya.id, milestoneId],
        )
      ).completedOn,
    ).not.toBeNull();

    // Maya sees it on her own plan, in her words.
    const own = await as('maya@family.test', '/my-plan');
    await own.getByRole('heading', { name: 'Referrals' }).waitFor();
    await own.getByText('The service said yes.').waitFor();
    await shoot(own, 'offer-my-plan-referral');
  });

  it('an administrator loads the council’s Open Referral UK feed, and its services can be found', async () => {
    const admin = await as('admin@pathways.test', '/agencies');
    await admin.getByLabel('Area', { exact: true }).first().selectOption({ label: 'Northshire County Council' });
    await admin
      .getByLabel('Address of the feed’s services')
      .fill(`http://127.0.0.1:${(feed.address() as AddressInfo).port}/api/services`);
    await admin.getByRole('button', { name: 'Fetch now' }).click();
    await admin.getByText('1 service read: 1 new, 0 changed, 0 unchanged, 0 no longer offered.').waitFor();
    await admin.getByText(/^Fetched every day:/).waitFor();
    await shoot(admin, 'offer-admin-feed');
    const worker = await as('worker@northshire.test', '/services?q=counselling');
    await worker.getByRole('link', { name: 'Community Counselling' }).click();
    await worker.getByRole('heading', { name: 'Community Counselling', level: 1 }).waitFor();
    await worker.getByText('AB1 2CD').waitFor();
  });
});
