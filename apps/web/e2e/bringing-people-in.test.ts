import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSink } from '../../api/test-support/smtp-sink.ts';
import { caseloadCsv } from '../../../packages/db/test-support/caseload-csv.ts';
import { DEMO_PASSWORD, launchChromium, startServer, type RunningServer } from './harness.ts';

/**
 * Bringing people in, as a council's team does on day one: a worker adds a young person
 * through the GOV.UK form, a manager imports a caseload from CSV and hands young people to
 * another worker, a parent accepts an invitation, and a commissioner sees only their own
 * council. SCREENSHOT_DIR=… keeps what each step looked like.
 */
const SHOTS = process.env.SCREENSHOT_DIR;
let server: RunningServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let browser: Browser;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signIn(email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** Waits until the young people list shows only this worker's young people (the filter's answer is in). */
async function onlyWorker(page: Page, name: string) {
  await expect
    .poll(async () => [...new Set(await page.locator('.people-table tbody td:last-child').allInnerTexts())])
    .toEqual([name]);
}

/** What the API says, asked from the signed-in page (its cookie). */
const fromPage = <T>(page: Page, path: string) =>
  page.evaluate(async (url) => (await fetch(url)).json() as Promise<unknown>, path) as Promise<T>;

beforeAll(async () => {
  sink = await smtpSink();
  server = await startServer({
    env: { SMTP_URL: sink.url, MAIL_FROM: 'Pathways <no-reply@pathways.test>', JOBS_INTERVAL_SECONDS: '0' },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

describe('bringing people in', () => {
  for (const width of [1280, 390]) {
    it(`a worker adds a young person, is shown the error summary for a wrong date, corrects it and sees the plan (${width} px)`, async () => {
      const page = await signIn('worker@northshire.test', width);
      await page.goto(`${server.baseUrl}/young-people`);
      await page.getByRole('link', { name: 'Add a young person' }).click();
      await page.getByLabel('First name').fill(`Nia${width}`);
      await page.getByLabel('Last name').fill('Okafor');
      const born = page.getByRole('group', { name: 'Date of birth' });
      await born.getByLabel('Day').fill('31');
      await born.getByLabel('Month').fill('2');
      await born.getByLabel('Year').fill('2011');
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await shoot(page, `add-person-errors-${width}`);
      await page.getByRole('link', { name: 'Date of birth must be a real date' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('dateOfBirth-day');
      await born.getByLabel('Day').fill('28');
      const issued = page.getByRole('group', { name: /When was the EHC plan first issued/ });
      await issued.getByLabel('Day').fill('1');
      await issued.getByLabel('Month').fill('9');
      await issued.getByLabel('Year').fill('2019');
      await page.getByLabel('A learning disability').check();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { name: 'Check your answers before saving' }).waitFor();
      await shoot(page, `add-person-check-${width}`);
      const answers = await page.locator('.summary-list').innerText();
      expect(answers).toContain('28 Feb 2011');
      expect(answers).toContain('1 Sep 2019');
      expect(answers).toContain('A learning disability');
      // "Change" goes back to its question, the answers kept.
      await page.getByRole('button', { name: 'Change last name' }).click();
      expect(await page.getByLabel('Last name').inputValue()).toBe('Okafor');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Save and see the plan' }).click();
      await page.getByRole('heading', { level: 1, name: `Plan for Nia${width} Okafor` }).waitFor();
      // The worker who added them is their named worker; the plan is worked out from the answers.
      await page.getByText('Named worker: Sam Okafor').waitFor();
      await page.getByRole('heading', { name: 'Milestones' }).waitFor();
      await shoot(page, `add-person-plan-${width}`);
      await page.context().close();
    });
  }

  it('a manager dry-runs a 500-row CSV with three bad rows, imports it, and importing again changes nothing', async () => {
    const file = join(tmpdir(), `caseload-${Date.now()}.csv`);
    writeFileSync(file, caseloadCsv(500, [41, 201, 334]));
    const page = await signIn('manager@northshire.test');
    const before = await fromPage<{ total: number }>(page, '/api/young-people?pageSize=1');
    await page.goto(`${server.baseUrl}/young-people`);
    await page.getByRole('link', { name: 'Import young people' }).click();
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('497 would be added, 0 updated, and 0 are already up to date.').waitFor({ timeout: 60_000 });
    const problems = await page
      .getByRole('table', { name: '3 rows with problems' })
      .locator('tbody tr')
      .allInnerTexts();
    expect(problems.map((text) => text.split('\t').slice(0, 2))).toEqual([
      ['41', 'date_of_birth'],
      ['201', 'last_review'],
      ['334', 'given_name'],
    ]);
    await page.getByText('Columns not used: sex.').waitFor();
    await shoot(page, 'import-dry-run');
    // A dry run saves nothing.
    expect((await fromPage<{ total: number }>(page, '/api/young-people?pageSize=1')).total).toBe(before.total);

    await page.getByRole('button', { name: 'Import 497 young people' }).click();
    await page.getByText('Done: 497 added, 0 updated, 0 already up to date.').waitFor({ timeout: 120_000 });
    await shoot(page, 'import-done');
    expect((await fromPage<{ total: number }>(page, '/api/young-people?pageSize=1')).total).toBe(before.total + 497);
    // A caseload this size is read a page at a time.
    const total = before.total + 497;
    await page.goto(`${server.baseUrl}/young-people`);
    await page.getByText(`Showing 1 to 200 of ${total}`).waitFor();
    await page
      .getByRole('navigation', { name: 'Pages of young people' })
      .getByRole('button', { name: 'Next page' })
      .click();
    await page.getByText(`Showing 201 to 400 of ${total}`).waitFor();
    await page.goto(`${server.baseUrl}/young-people/import`);
    await page.getByLabel('CSV file').setInputFiles(file);

    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('0 would be added, 0 updated, and 497 are already up to date.').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: /^Import \d+ young/ }).count()).toBe(0);
    // An imported young person's plan carries the past events from the file.
    const found = await fromPage<{ items: { id: string }[] }>(page, '/api/young-people?search=Given10&pageSize=5');
    const events = await fromPage<{ items: { type: string; date: string }[] }>(
      page,
      `/api/young-people/${found.items[0]?.id}/events`,
    );
    expect(events.items.map((event) => event.type)).toEqual([
      'education.ehc_plan_issued',
      'education.annual_review_held',
    ]);
    await page.context().close();
  });

  it('a manager gives ten young people a new named worker at once', async () => {
    const page = await signIn('manager@northshire.test');
    await page.goto(`${server.baseUrl}/young-people`);
    await page.getByLabel('Named worker', { exact: true }).selectOption({ label: 'Sam Okafor' });
    await onlyWorker(page, 'Sam Okafor');
    const boxes = page.getByRole('checkbox', { name: /^Select (?!everyone)/ });
    // Records, not names: the demo has several young people of one name.
    const chosen: string[] = [];
    for (let i = 0; i < 10; i++) {
      await boxes.nth(i).check();
      chosen.push((await boxes.nth(i).getAttribute('id')) as string);
    }
    await page.getByRole('heading', { name: 'Named worker for 10 selected young people' }).waitFor();
    const to = page.getByLabel('Make this person their named worker');
    await to.selectOption((await to.locator('option', { hasText: 'Priya Shah' }).getAttribute('value')) as string);
    await shoot(page, 'reassign-ten');
    await page.getByRole('button', { name: 'Change the named worker of 10 young people' }).click();
    await page
      .getByText('Priya Shah is now the named worker of 10 young people. They and their families have been told.')
      .waitFor();
    await page.getByLabel('Named worker', { exact: true }).selectOption({ label: 'Priya Shah' });
    await onlyWorker(page, 'Priya Shah');
    const now = await page
      .locator('.people-table tbody input[type=checkbox]')
      .evaluateAll((inputs) => inputs.map((input) => input.id));
    for (const id of chosen) expect(now).toContain(id);
    await page.context().close();
  });

  it('a parent accepts an invitation and sees only their child', async () => {
    const worker = await signIn('worker@northshire.test');
    const people = await fromPage<{ items: { id: string; givenName: string; dateOfBirth: string }[] }>(
      worker,
      '/api/young-people?pageSize=200',
    );
    // A child under 15, so their parents see their plan without needing their agreement.
    const fifteenYearsAgo = `${new Date().getFullYear() - 15}-01-01`;
    const child = people.items.find((person) => person.dateOfBirth > fifteenYearsAgo) as {
      id: string;
      givenName: string;
    };
    await worker.goto(`${server.baseUrl}/young-people/${child.id}`);
    await worker.getByText('Invite someone to see the plan').click();
    await worker.getByRole('radio', { name: 'A parent or carer' }).check();
    await worker.getByLabel('Their full name').fill('Pat Parent');
    await worker.getByLabel('Email address').fill('pat.hill@family.test');
    await worker.getByLabel('How are they related? (optional)').fill('mother');
    const mails = sink.received.length;
    await worker.getByRole('button', { name: 'Send invitation' }).click();
    await worker.getByText('Invitation sent to pat.hill@family.test.').waitFor();
    await shoot(worker, 'family-invited');
    let link: string | undefined;
    for (let tries = 0; tries < 100 && !link; tries++) {
      const mail = sink.received.slice(mails).find((sent) => JSON.stringify(sent.to).includes('pat.hill@family.test'));
      link = /(http\S+\/set-password#[\w-]+)/.exec(mail?.text ?? '')?.[1];
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(link).toBeDefined();

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const parent = await context.newPage();
    await parent.goto(link as string);
    await parent.getByLabel('New password').fill('our family plan 2026');
    await parent.getByRole('button', { name: 'Save password' }).click();
    await parent.getByRole('heading', { name: 'Your password is saved' }).waitFor();
    await parent.goto(`${server.baseUrl}/sign-in`);
    await parent.getByLabel('Email address').fill('pat.hill@family.test');
    await parent.getByLabel('Password', { exact: true }).fill('our family plan 2026');
    await parent.getByRole('button', { name: 'Sign in', exact: true }).click();
    await parent.getByRole('heading', { level: 1, name: new RegExp(child.givenName) }).waitFor();
    await shoot(parent, 'parent-sees-child');
    const children = await fromPage<{ items: { id: string }[] }>(parent, '/api/my-young-people');
    expect(children.items.map((item) => item.id)).toEqual([child.id]);
    const other = people.items.find((person) => person.id !== child.id) as { id: string };
    expect(await parent.evaluate(async (url) => (await fetch(url)).status, `/api/young-people/${other.id}`)).toBe(404);
    await context.close();
    await worker.context().close();
  });

  it('a commissioner sees only their own council’s demand', async () => {
    const page = await signIn('commissioner@northshire.test');
    await page.getByRole('heading', { name: 'Demand forecast' }).waitFor();
    await page.getByText('For Northshire County Council').waitFor();
    const csv = await page.evaluate(async () => (await fetch('/api/forecast.csv')).text());
    const areas = new Set(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1]),
    );
    expect([...areas]).toEqual(['NS']);
    const agencies = await fromPage<{ items: { areaId: string }[] }>(page, '/api/agencies');
    expect(new Set(agencies.items.map((agency) => agency.areaId)).size).toBe(1);
    await page.context().close();
  });
});
