import { mkdirSync } from 'node:fs';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpSink } from '../../api/test-support/smtp-sink.ts';
import { createDatabase } from '../../../packages/db/test-support/postgres-server.ts';
import { launchChromium, signIn, startServer, type RunningServer } from './harness.ts';

/**
 * A statutory review from invitation to final plan, in Debian's Chromium against the real
 * server on PostgreSQL with real e-mail (an SMTP sink): a worker arranges Maya's annual
 * review, invites four people and asks two for advice; the school is late and is chased,
 * then answers through its private link; Maya writes her one-page profile in Easy Read; the
 * meeting is recorded with three actions; an action's owner completes it from her caseload;
 * the decision and final plan are recorded; Maya's plan shows when her next review is due.
 * SCREENSHOT_DIR=… keeps what each step looked like, at desktop and phone width.
 */
const SHOTS = process.env.SCREENSHOT_DIR;
let server: RunningServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let browser: Browser;
let database: { url: string; drop: () => Promise<void> };
let sql: pg.Client;
const contexts: BrowserContext[] = [];
let mayaId = '';
let reviewUrl = '';

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
const mailsTo = (address: string) => sink.received.filter((mail) => toAddress(mail) === address);
const today = () => new Date().toISOString().slice(0, 10);
const parts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year as string };
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Opens a <details> (a form folded away under its summary) unless it is open already. */
async function openDetails(details: ReturnType<Page['locator']>) {
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
    await details.locator('summary').click();
}

/** Types a date into the GOV.UK date input whose legend is `legend`. */
async function fillDate(page: Page, legend: string | RegExp, iso: string) {
  const group = page.getByRole('group', { name: legend });
  const { day, month, year } = parts(iso);
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

beforeAll(async () => {
  const postgresUrl = inject('postgresUrl');
  if (!postgresUrl) throw new Error('The review journey needs the test PostgreSQL server (packages/db/test-support).');
  database = await createDatabase(postgresUrl);
  sink = await smtpSink();
  [server, browser] = await Promise.all([
    startServer({
      databaseUrl: database.url,
      // The scheduler looks for letters owed every second: a chaser goes as soon as advice is late.
      env: { SMTP_URL: sink.url, MAIL_FROM: 'Northshire SEND <send@northshire.test>', JOBS_INTERVAL_SECONDS: '1' },
    }),
    launchChromium(),
  ]);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  // Maya is the young person of her own account (the demo has more than one "Maya Hill").
  mayaId = (await sql.query(`SELECT "youngPersonId" AS id FROM "User" WHERE email = 'maya@family.test'`)).rows[0].id;
});

afterEach(async (test) => {
  // A failed step leaves a picture of every page open, to see what the browser saw.
  if (test.task.result?.state !== 'fail') return;
  mkdirSync('/tmp/review-failures', { recursive: true });
  let index = 0;
  for (const context of contexts)
    for (const page of context.pages())
      await page.screenshot({
        path: `/tmp/review-failures/${test.task.name.slice(0, 20)}-${index++}.png`,
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

describe('a statutory review, from invitation to final plan', () => {
  it('a worker arranges the annual review and checks it before it is made', async () => {
    const page = await as('worker@northshire.test', `/young-people/${mayaId}`);
    await page.getByRole('link', { name: 'Arrange a review or meeting' }).click();
    await page.getByRole('heading', { name: 'Arrange a review or meeting for Maya Hill' }).waitFor();
    // Nothing filled in: the error summary links to each question.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.getByRole('alert').locator('a').allTextContents())
      .toEqual([
        'Select what kind of meeting it is',
        'Enter the date of the meeting',
        'Enter a start time like 10:00 or 14:30',
        'Enter where the meeting is',
      ]);
    await shoot(page, 'review-arrange-errors');
    await page.getByLabel('EHC plan annual review').check();
    await fillDate(page, 'Date of the meeting', inDays(42));
    await page.getByLabel('Start time').fill('10:00');
    await page.getByLabel('Where').fill('Northshire College, room 4');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check the meeting before you arrange it' }).waitFor();
    await shoot(page, 'review-arrange-check');
    await page.getByRole('button', { name: 'Arrange the meeting' }).click();
    await page.getByRole('heading', { name: 'EHC plan annual review for Maya Hill' }).waitFor();
    reviewUrl = page.url();
    // The clock, from the rule pack: invitations and advice two weeks before, report two weeks after.
    await expect.poll(() => page.locator('[data-step="invitations"]').textContent()).toContain('To do');
  });

  it('invites four people and asks two of them for advice, then sends the invitations by e-mail', async () => {
    const page = await as('worker@northshire.test', new URL(reviewUrl).pathname);
    const invite = async (who: { account?: string; name?: string; email?: string; role: string; advice?: string }) => {
      const form = page.locator('details', { has: page.getByText('Invite someone') });
      await openDetails(form);
      if (who.account) {
        await page.getByLabel('Someone with a Pathways account').check();
        await page.getByLabel('Person', { exact: true }).selectOption({ label: who.account });
      } else {
        await page.getByLabel('Someone else (by name and e-mail)').check();
        await page.getByLabel('Their name').fill(who.name as string);
        await page.getByLabel('Their e-mail address (optional)').fill(who.email as string);
      }
      await page.getByLabel('Who are they to Maya Hill?').selectOption({ label: who.role });
      if (who.advice) {
        await page.getByLabel('Ask them for written advice before the meeting').check();
        await page.getByLabel('What do you want their advice about?').fill(who.advice);
      }
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.locator(`[data-invitation="${who.account?.replace(/ \(.*$/, '') ?? who.name}"]`).waitFor();
    };
    await invite({ account: 'Maya Hill (Young person)', role: 'The young person' });
    await invite({
      account: 'Priya Shah (Transition worker)',
      role: 'Council',
      advice: 'What support will Maya need after 18?',
    });
    await invite({
      name: 'Sam Senco',
      email: 'senco@school.test',
      role: 'School',
      advice: 'How is Maya getting on at school?',
    });
    await invite({ name: 'Dr Nia Patel', email: 'nia.patel@nhs.test', role: 'Health' });
    const before = sink.received.length;
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await page.getByText('Invitations sent.').waitFor();
    await expect
      .poll(() => sink.received.slice(before).map(toAddress).sort())
      .toEqual(['maya@family.test', 'nia.patel@nhs.test', 'senco@school.test', 'worker2@northshire.test']);
    const invitation = mailsTo('senco@school.test').at(-1) as ParsedMail;
    expect(invitation.attachments.some((part) => part.contentType.startsWith('text/calendar'))).toBe(true);
    expect(invitation.text).not.toContain('Maya');
    await expect.poll(() => page.locator('[data-step="invitations"]').textContent()).toContain('Done');
    await shoot(page, 'review-invited');
    // The review is on the worker's caseload with the step it waits for next.
    await page.getByRole('link', { name: 'Caseload' }).click();
    const underWay = page.getByRole('region', { name: 'Reviews and meetings under way' });
    await expect
      .poll(() => underWay.textContent())
      .toMatch(/Maya Hill: EHC plan annual review.*Next: Advice sent round/);
  });

  it('the school is late with its advice and is chased, then answers through its private link', async () => {
    // A week passes: the school's advice was due yesterday.
    await sql.query(`UPDATE "ReviewInvitation" SET "adviceDueOn" = $1::date WHERE email = 'senco@school.test'`, [
      inDays(-1),
    ]);
    await expect
      .poll(() => mailsTo('senco@school.test').map((mail) => mail.subject), { timeout: 20_000 })
      .toContain('Your advice for a meeting is late');
    const worker = await as('worker@northshire.test', new URL(reviewUrl).pathname);
    const school = worker.locator('[data-invitation="Sam Senco"]');
    await expect.poll(() => school.textContent()).toMatch(/Late: was due .*Chased/);

    const chaser = mailsTo('senco@school.test').at(-1) as ParsedMail;
    const link = /(http\S+\/reply#[\w-]+)/.exec(chaser.text ?? '')?.[1] as string;
    const outsider = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(outsider);
    const page = await outsider.newPage();
    await page.goto(link);
    await page.getByText('You are invited to a meeting about Maya Hill.').waitFor();
    await page.getByLabel('Yes, I will come').check();
    await page.getByRole('button', { name: 'Send my reply' }).click();
    await page.getByText('Thank you. Your reply is saved.').waitFor();
    await page
      .getByRole('textbox', { name: 'Your advice' })
      .fill('Maya is doing well in maths and wants to study animal care.');
    await page.getByRole('button', { name: 'Send your advice' }).click();
    await page.getByText('Your advice has been sent. Thank you.').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/review-reply-link-phone.png`, fullPage: true });
    await worker.reload();
    await expect.poll(() => school.textContent()).toMatch(/Coming.*Received late/);
  });

  it('Priya answers in the app from her reminder, on time', async () => {
    const page = await as('worker2@northshire.test', '/notifications');
    await page.getByRole('link', { name: 'Open the meeting about Maya Hill' }).first().click();
    await page.getByLabel('Yes, I will come').check();
    await page.getByRole('button', { name: 'Send my reply' }).click();
    await page.getByText('Thank you. Your reply is saved.').waitFor();
    await page
      .getByRole('textbox', { name: 'Your advice' })
      .fill('We will start the Care Act assessment in the spring.');
    await page.getByRole('button', { name: 'Send your advice' }).click();
    await expect.poll(() => page.locator('[data-invitation="Priya Shah"]').textContent()).toContain('Received');
  });

  it('Maya fills in her one-page profile in Easy Read', async () => {
    const page = await as('maya@family.test', '/my-plan');
    await page.getByRole('link', { name: 'Fill in “About me” for the meeting' }).click();
    await page.getByRole('heading', { name: 'About me, for my meeting' }).waitFor();
    await page.getByRole('button', { name: 'Save my page' }).click();
    await expect
      .poll(() => page.getByRole('alert').locator('a').allTextContents())
      .toEqual(['Choose how you want to take part', 'Choose who helped you']);
    await page.getByLabel('What is important to me').fill('My dog Bella and my friend Sam.');
    await page.getByLabel('What is going well').fill('Art and maths.');
    await page.getByLabel('What is not going well').fill('Loud rooms.');
    await page.getByLabel('What I want to talk about at the meeting').fill('Going to college to work with animals.');
    await page.getByLabel('On a video call').check();
    await page.getByLabel('My family helped').check();
    await page.getByRole('button', { name: 'Save my page' }).click();
    await page.getByText('Your page is saved. Thank you.').waitFor();
    await shoot(page, 'review-profile-easy-read');
  });

  it('the worker sends the advice round, brings the meeting forward and records it with three actions', async () => {
    const page = await as('worker@northshire.test', new URL(reviewUrl).pathname);
    await page.getByText('My dog Bella and my friend Sam.').waitFor();
    await page.getByRole('button', { name: 'Send the advice round to everyone invited' }).click();
    await page.getByText(/Advice sent round on/).waitFor();
    const before = sink.received.length;
    await page.getByText('Move or cancel the meeting').click();
    await fillDate(page, 'Date of the meeting', today());
    await page.getByRole('button', { name: 'Move the meeting' }).click();
    await page.getByText('The meeting is moved. Everyone invited is sent an update.').waitFor();
    // Everyone who had an invitation is sent the update (a calendar replaces its entry).
    await expect
      .poll(() =>
        sink.received
          .slice(before)
          .map((mail) => `${toAddress(mail)}: ${mail.subject}`)
          .sort(),
      )
      .toEqual([
        'maya@family.test: You are invited to a meeting',
        'nia.patel@nhs.test: You are invited to a meeting',
        'senco@school.test: You are invited to a meeting',
        'worker2@northshire.test: You are invited to a meeting',
      ]);

    await fillDate(page, 'Date the meeting was held', today());
    await page.getByRole('group', { name: 'Who came' }).getByLabel('Maya Hill').check();
    await page.getByRole('group', { name: 'Who came' }).getByLabel('Sam Senco').check();
    await page.getByLabel('On a video call').check();
    await page.getByLabel('Work and training').check();
    await page.getByLabel('Notes of the meeting').fill('Maya wants to study animal care at Northshire College.');
    await page.getByRole('button', { name: 'Save the meeting record' }).click();
    await page.getByText(/Maya Hill took part: On a video call/).waitFor();

    const addAction = async (what: string, owner: 'account' | 'agency' | 'name', who: string, dueInDays: number) => {
      const form = page.locator('details', { has: page.getByText('Add an action') });
      await openDetails(form);
      await page.getByLabel('What will be done').fill(what);
      if (owner === 'account') {
        await page.getByLabel('A person with a Pathways account').check();
        await page.getByLabel('Person', { exact: true }).selectOption({ label: who });
      } else if (owner === 'agency') {
        await page.getByLabel('An organisation', { exact: true }).check();
        await page.locator('#action-owner-organisation').selectOption({ index: 1 });
      } else {
        await page.getByLabel('Someone else, by name').check();
        await page.getByLabel('Their name').fill(who);
      }
      await fillDate(page, 'By when', inDays(dueInDays));
      await page.getByRole('button', { name: 'Add the action' }).click();
      await page.getByRole('rowheader', { name: what }).waitFor();
    };
    await addAction('Arrange a taster day at Northshire College', 'account', 'Priya Shah', 14);
    await addAction('Start the Care Act assessment', 'agency', '', 30);
    await addAction('Write down three jobs I might like', 'account', 'Maya Hill', 21);
    await shoot(page, 'review-recorded');
  });

  it('Priya sees her action on her caseload and completes it', async () => {
    const page = await as('worker2@northshire.test', '/caseload');
    const action = page.locator('[data-action="Arrange a taster day at Northshire College"]');
    await action.waitFor();
    await action.getByRole('button', { name: /Mark as done/ }).click();
    await expect.poll(() => action.textContent()).toMatch(/Done on/);
    await shoot(page, 'review-actions-caseload');
  });

  it('the worker records the report, the decision to amend and the final plan; Maya sees when her next review is due', async () => {
    const page = await as('worker@northshire.test', new URL(reviewUrl).pathname);
    await fillDate(page, 'Date the review report was sent', today());
    await page.getByLabel('Change (amend) the plan').check();
    await fillDate(page, 'Date of the decision letter', today());
    await fillDate(page, 'Date the final amended plan was issued', today());
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Finished', { exact: true }).waitFor();
    await expect.poll(() => page.locator('[data-step="appeal"]').textContent()).toContain('Open');
    await shoot(page, 'review-finished');
    const print = await as('worker@northshire.test', `${new URL(reviewUrl).pathname}/print`);
    await print.getByText('Maya is doing well in maths and wants to study animal care.').waitFor();
    await shoot(print, 'review-print');

    const maya = await as('maya@family.test', '/my-plan');
    const nextYear = new Date(`${today()}T00:00:00Z`);
    nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
    const due = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
      .format(nextYear)
      .replace(',', '');
    await maya.getByText(`Your next EHC plan annual review is due by ${due}`, { exact: false }).waitFor();
    await maya.getByText('Write down three jobs I might like').first().waitFor();
    await shoot(maya, 'review-my-plan-next');
  });
});
