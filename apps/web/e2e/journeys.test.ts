import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../packages/db/test-support/postgres-server.ts';
import { DEMO_PASSWORD, launchChromium, signIn, startServer, type RunningServer } from './harness.ts';

/**
 * Every role's main journey in Debian's Chromium, against the real server process on a real
 * PostgreSQL (the embedded database where none is available), with the demo data.
 */
const ACCOUNTS = {
  worker: 'worker@northshire.test',
  manager: 'manager@northshire.test',
  adults: 'adults@northshire.test',
  commissioner: 'commissioner@northshire.test',
  admin: 'admin@pathways.test',
  youngPerson: 'maya@family.test',
  youngAdult: 'adult@family.test',
  parent: 'parent@family.test',
  danishWorker: 'worker@nordby.test',
};

let server: RunningServer;
let dropDatabase: (() => Promise<void>) | null = null;
let databaseUrl: string | undefined;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newContext(locale = 'en-GB') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  contexts.push(context);
  return context;
}

/** Signs in through the API (as the test's own helper, not a journey under test) and reads JSON. */
async function apiAs(email: string) {
  const response = await fetch(`${server.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return async (path: string) => (await fetch(`${server.baseUrl}${path}`, { headers: { cookie } })).json();
}

beforeAll(async () => {
  const postgresUrl = inject('postgresUrl');
  if (postgresUrl) {
    const database = await createDatabase(postgresUrl);
    databaseUrl = database.url;
    dropDatabase = database.drop;
  }
  [server, browser] = await Promise.all([startServer({ databaseUrl }), launchChromium()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await dropDatabase?.();
});

describe('a transition worker', () => {
  let page: Page;
  beforeAll(async () => {
    page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.worker);
  });

  it('sees their caseload: what is due, by when, why and who leads', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Caseload');
    const firstRow = page.getByRole('row').nth(1);
    await firstRow.waitFor();
    const cells = await firstRow.getByRole('cell').allTextContents();
    expect(cells).toHaveLength(6);
    expect(cells[2]).toMatch(/\d{1,2} [A-Z][a-z]{2} 20\d\d/); // by when
    expect(cells[3]).toMatch(/\(|Regulations|Act|Code|NICE|guidance/i); // why, with its source
    expect(await page.getByRole('table').getAttribute('aria-rowcount')).toMatch(/^\d+$/);
  });

  it.each(['/caseload', '/'])(
    'opening %s asks for the caseload’s rows at once, once, and the menu’s reminders only after them',
    async (path) => {
      const asked: string[] = [];
      const onRequest = (request: { url: () => string }) => asked.push(`asked ${new URL(request.url()).pathname}`);
      const onAnswer = (request: { url: () => string }) => asked.push(`answered ${new URL(request.url()).pathname}`);
      page.on('request', onRequest);
      page.on('requestfinished', onAnswer);
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('row').nth(1).waitFor();
      await expect.poll(() => asked.includes('answered /api/notifications')).toBe(true);
      page.off('request', onRequest);
      page.off('requestfinished', onAnswer);
      expect(new URL(page.url()).pathname).toBe('/caseload');
      const api = asked.filter((entry) => entry.includes('/api/'));
      // The page carries the session: nothing asks who is signed in before the rows are asked for.
      expect(api).not.toContain('asked /api/session');
      expect(api.filter((entry) => entry === 'asked /api/caseload')).toHaveLength(1);
      expect(api.indexOf('asked /api/notifications')).toBeGreaterThan(api.indexOf('answered /api/caseload'));
    },
  );

  it('records an event from the pathway’s state, and sees the yearly review move on', async () => {
    await page.getByLabel('Status').selectOption('due');
    const row = page.getByRole('row').filter({ hasText: 'Annual review of the EHC plan' }).first();
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    const milestone = page.locator('tr[data-milestone="annual_review"]');
    await expect.poll(() => milestone.textContent()).toContain('Due now');

    const education = page.getByRole('group', { name: 'Record what happened in Education' });
    await education.getByLabel('What happened').selectOption({ label: 'Annual review meeting held' });
    await education.getByRole('button', { name: 'Record what happened' }).click();

    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    // A yearly review is done for this year: the next one is a year away.
    await expect.poll(() => milestone.textContent()).toContain('Coming up');
    expect(await milestone.textContent()).toContain('Last done');
  });

  it('marks a milestone done on the day it really happened, then undoes it', async () => {
    // A young person of this worker with something late or due that "mark as done" completes.
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const get = await apiAs(ACCOUNTS.worker);
    const people = (await get('/api/young-people?pageSize=200')).items as { id: string }[];
    let target: { person: string; milestone: string } | undefined;
    for (const person of people) {
      const plan = await get(`/api/young-people/${person.id}/plan`);
      // One whose window opened more than a week ago, so last week is a day it could be done.
      const live = (
        plan.milestones as { id: string; status: string; windowStart: string | null; completedBy: string[] }[]
      ).find(
        (m) =>
          (m.status === 'due' || m.status === 'overdue') &&
          m.completedBy.includes('milestone.recorded') &&
          (m.windowStart ?? '') < lastWeek,
      );
      if (live) {
        target = { person: person.id, milestone: live.id };
        break;
      }
    }
    if (!target) throw new Error('no young person with something to mark as done');
    await page.goto(`${server.baseUrl}/young-people/${target.person}`);
    await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    const row = page.locator(`tr[data-milestone="${target.milestone}"]`);
    const statusBefore = (await row.getByRole('cell').nth(3).textContent()) as string;
    await row.getByLabel('When did it happen?').fill(lastWeek);
    await row.getByRole('button', { name: 'Mark as done' }).click();
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toContain('Done');
    const shown = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${lastWeek}T00:00:00Z`));
    expect(await row.getByRole('cell').nth(1).textContent()).toContain(shown);
    const status = page.getByRole('status').filter({ hasText: 'marked as done on' });
    await status.waitFor();
    await status.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'no longer marked as done' }).count()).toBe(1);
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe(statusBefore);
    expect(await row.getByRole('button', { name: 'Mark as done' }).count()).toBe(1);
  });

  it('opens a plan with what next: live work first, each with who leads it and by when', async () => {
    const next = page.getByRole('region', { name: 'What next' });
    await next.waitFor();
    // Each step (not the services listed beside it).
    const items = next.locator('.next-list > li');
    expect(await items.count()).toBeGreaterThan(0);
    for (const text of await items.allTextContents()) {
      expect(text).toMatch(/Late|Due now|Coming up/);
      expect(text).toMatch(/By \d{1,2} [A-Z][a-z]{2} 20\d\d · .+ leads/);
    }
    // Nothing on the page shows an internal state name.
    expect(await page.locator('main').textContent()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });

  it('is told in the machine’s words when an event cannot be recorded now', async () => {
    const education = page.getByRole('group', { name: 'Record what happened in Education' });
    await education.getByLabel('What happened').selectOption({ label: 'Local authority proposed to stop the plan' });
    await education.getByLabel('Reason').selectOption('no_longer_needed');
    await education.getByLabel('When did it happen?').fill('2000-01-01');
    await education.getByRole('button', { name: 'Record what happened' }).click();
    const alert = education.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/date|before|cannot/i);
  });

  it('records the agreement to share, prepares a handover from “about me”, sends it, and can print it or download it as FHIR', async () => {
    // Sending needs the young person's (or, under 16, a parent's) agreement, written down first.
    const sharing = page.getByRole('region', { name: 'Who may see this plan' });
    await sharing.getByLabel('What').selectOption({ label: 'Who I am and my handover' });
    await sharing.getByRole('button', { name: 'Agree to share' }).click();
    await sharing.getByRole('status').getByText('Saved. They can see it now.').waitFor();
    await sharing
      .getByRole('listitem')
      .filter({ hasText: 'Who I am and my handover: every service working with them' })
      .waitFor();
    await page.getByRole('link', { name: 'Prepare a handover' }).click();
    await page.getByLabel('Adult agency').selectOption({ index: 1 });
    await page.getByLabel('Summary').fill('Settled at college; needs help with personal care and travel.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { level: 1, name: /^Handover to / }).waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('Draft');
    // Sending is confirmed on a page of its own that says what will happen.
    await page.getByRole('link', { name: 'Send to adult services' }).click();
    await page.getByRole('heading', { level: 1, name: /^Send the handover to .+\?$/ }).waitFor();
    await page.getByRole('button', { name: 'Yes, send it' }).click();
    await expect.poll(() => page.locator('dl.facts').textContent()).toContain('Sent');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download (FHIR)' }).click(),
    ]);
    const bundle = JSON.parse(await streamText(await download.createReadStream()));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('when two people change the same record', () => {
  it('the second is told someone else changed it, and can reload and carry on', async () => {
    // A young person of 14 to 17 with a learning disability: their health pathway takes an annual health check.
    const people = (await (await apiAs(ACCOUNTS.worker))('/api/young-people?pageSize=200')).items as {
      id: string;
      dateOfBirth: string;
      learningDisability: boolean;
    }[];
    const yearsAgo = (years: number) => `${new Date().getFullYear() - years}-${new Date().toISOString().slice(5, 10)}`;
    const target = people.find(
      (person) => person.learningDisability && person.dateOfBirth > yearsAgo(17) && person.dateOfBirth < yearsAgo(14),
    ) as { id: string };
    const worker = await signIn(await newContext(), server.baseUrl, ACCOUNTS.worker, `/young-people/${target.id}`);
    const manager = await signIn(await newContext(), server.baseUrl, ACCOUNTS.manager, `/young-people/${target.id}`);
    for (const page of [worker, manager]) await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();

    const record = async (page: Page) => {
      const health = page.getByRole('group', { name: 'Record what happened in Health' });
      await health.getByLabel('What happened').selectOption({ label: 'Annual health check done' });
      await health.getByRole('button', { name: 'Record what happened' }).click();
      return health;
    };
    await record(worker);
    await expect.poll(() => worker.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    const health = await record(manager);
    const alert = health.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Someone else changed this');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await record(manager);
    await expect.poll(() => manager.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
  });
});

describe('a young adult near the end of their plan', () => {
  it('sees nothing from before 18 as something to do now; rights as dated information', async () => {
    const page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.youngAdult);
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    const get = await apiAs(ACCOUNTS.youngAdult);
    const [mine] = (await get('/api/my-young-people')).items as { id: string }[];
    const person = await get(`/api/young-people/${mine?.id}`);
    const plan = await get(`/api/young-people/${mine?.id}/plan`);
    const [year, month, day] = (person.dateOfBirth as string).split('-').map(Number) as [number, number, number];
    expect(new Date().getUTCFullYear() - year).toBeGreaterThanOrEqual(23);
    const eighteen = `${year + 18}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const fromChildhood = (plan.milestones as { title: string; dueDate: string | null; status: string }[]).filter(
      (m) => m.dueDate !== null && m.dueDate < eighteen && m.status !== 'done' && m.status !== 'not_applicable',
    );
    expect(fromChildhood.length).toBeGreaterThan(0);
    const next = page.getByRole('region', { name: 'What happens next' });
    const nextText = (await next.textContent()) as string;
    for (const milestone of fromChildhood) expect(nextText, milestone.title).not.toContain(milestone.title);
    // Anything it does call late ("should do it now") fell due after 18.
    const childhood = new Set(fromChildhood.map((m) => m.title));
    for (const item of await page.locator('.plain-milestone').all()) {
      const text = (await item.textContent()) as string;
      if (/should do it now/.test(text))
        expect(childhood.has(((await item.locator('h3').textContent()) ?? '').trim())).toBe(false);
    }
    const rights = page.getByRole('region', { name: 'Rights and dates to know' });
    expect(await rights.textContent()).toMatch(/In effect.*Since \w+ \d{1,2} \w+ \d{4}/s);
  });
});

describe('a young person', () => {
  let page: Page;
  beforeAll(async () => {
    page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.youngPerson);
  });

  it('sees their own plan in plain words: what happens next and who will help', async () => {
    await page.getByRole('heading', { level: 1, name: 'Hello, Maya' }).waitFor();
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    await page.getByRole('heading', { name: 'Who will help me' }).waitFor();
    expect(await page.locator('.plain-milestone').count()).toBeGreaterThan(0);
  });

  it('adds a goal in their own words and records progress on it', async () => {
    await page.getByLabel('My goal', { exact: true }).fill('I want to cook my own dinner on Fridays');
    await page.getByRole('radio', { name: /Living on my own terms/ }).check();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    const goal = page.locator('li.goal').filter({ hasText: 'I want to cook my own dinner on Fridays' });
    await goal.waitFor();
    await goal.getByLabel('What went well or what changed?').fill('Made pasta with my sister');
    await goal.getByRole('button', { name: 'Add progress' }).click();
    await expect.poll(() => goal.textContent()).toContain('Made pasta with my sister');
    await page.reload();
    await page.locator('li.goal').filter({ hasText: 'Made pasta with my sister' }).waitFor();
  });

  it('writes “about me”, which the next handover starts from', async () => {
    await page.getByLabel('About me and what matters to me').fill('I love trains. Talk to me, not about me.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBeGreaterThan(0);
    await page.reload();
    expect(await page.getByLabel('About me and what matters to me').inputValue()).toBe(
      'I love trains. Talk to me, not about me.',
    );

    const mayaId = ((await (await apiAs(ACCOUNTS.youngPerson))('/api/my-young-people')).items[0] as { id: string }).id;
    const worker = await signIn(
      await newContext(),
      server.baseUrl,
      ACCOUNTS.worker,
      `/young-people/${mayaId}/handovers/new`,
    );
    await worker.getByRole('heading', { level: 1, name: 'Prepare a handover for Maya Hill' }).waitFor();
    expect(await worker.getByLabel(/What matters to the young person/).inputValue()).toBe(
      'I love trains. Talk to me, not about me.',
    );
  });

  it('can switch to Easy Read: one short sentence to a line, a picture on its left, abbreviations in words', async () => {
    const before = await page
      .locator('.plain-milestone h3')
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    await page.getByRole('checkbox', { name: /Easy read/ }).check();
    const after = await page
      .locator('.plain-milestone h3')
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    const points = page.locator('.easy-points li');
    expect(await points.count()).toBeGreaterThan(3);
    for (const point of (await points.all()).slice(0, 8)) {
      const picture = await point.locator('svg.icon').boundingBox();
      const words = await point.locator('span').first().boundingBox();
      // The picture is on the left of its words, beside them (not above or below).
      expect(picture && words && picture.x + picture.width <= words.x).toBe(true);
      expect(picture && words && Math.abs(picture.y + picture.height / 2 - (words.y + words.height / 2)) < 40).toBe(
        true,
      );
      const sentence = (await point.locator('span').first().textContent()) as string;
      expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(24);
    }
    // Maya has an EHC plan: wherever the abbreviation first appears, its words follow it.
    const plan = (await page.locator('section[aria-labelledby="next-heading"]').textContent()) as string;
    if (/\bEHC\b/.test(plan)) expect(plan).toContain('EHC (education, health and care)');
    await page.getByRole('checkbox', { name: /Easy read/ }).uncheck();
    expect(await page.locator('.easy-points').count()).toBe(0);
  });

  it('cannot open another young person’s plan by URL', async () => {
    const people = (await (await apiAs(ACCOUNTS.worker))('/api/young-people?pageSize=5')).items as {
      id: string;
      givenName: string;
      familyName: string;
    }[];
    const other = people.find((person) => person.givenName !== 'Maya') as {
      id: string;
      givenName: string;
      familyName: string;
    };
    for (const path of [`/young-people/${other.id}`, `/my-plan/${other.id}`]) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('could not find');
      expect(await page.locator('main').textContent()).not.toContain(other.familyName);
    }
  });
});

describe('a young person’s own information', () => {
  it('decides who may see their plan, stops sharing again, and opens a copy of everything held about them', async () => {
    const context = await newContext();
    const page = await signIn(context, server.baseUrl, ACCOUNTS.youngPerson);
    const sharing = page.getByRole('region', { name: 'Who can see my plan' });
    await sharing.getByText('You decide who can see this plan').waitFor();
    await sharing.getByLabel('What').selectOption({ label: 'My goals and “about me”' });
    await sharing.getByRole('button', { name: 'Agree to share' }).click();
    await sharing.getByRole('status').getByText('Saved. They can see it now.').waitFor();
    const agreement = sharing
      .getByRole('listitem')
      .filter({ hasText: 'My goals and “about me”: every service working with them' });
    await agreement.waitFor();
    await agreement.getByRole('button', { name: /Stop sharing/ }).click();
    await agreement.waitFor({ state: 'detached' });
    await sharing.getByText(/earlier agreement/).click();
    await sharing.getByText(/My goals and “about me”: every service working with them: stopped on/).waitFor();

    const copy = page.getByRole('region', { name: 'Get a copy of everything about me' });
    const [printable] = await Promise.all([
      context.waitForEvent('page'),
      copy.getByRole('link', { name: /Open a copy to print/ }).click(),
    ]);
    await printable.waitForLoadState();
    expect(await printable.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Information held about Maya/);
    await printable.getByRole('heading', { name: 'Agreements to share' }).waitFor();
    expect(await printable.getByRole('heading', { name: 'Who looked at or changed the record' }).count()).toBe(1);
  });
});

describe('a transition worker’s reminders', () => {
  it('lists the milestones that became late, with a way to the plan, and marks them read', async () => {
    // A reminder the daily job would make, written straight into the database the server uses.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `
      INSERT INTO "Notification" (id, "userId", "youngPersonId", "milestoneId", kind, "onDate")
      SELECT gen_random_uuid(), u.id, p.id, 'annual_review', 'overdue', DATE '2020-02-02'
        FROM "User" u JOIN "YoungPerson" p ON p."namedWorkerId" = u.id WHERE u.email = $1 LIMIT 1`,
      [ACCOUNTS.worker],
    );
    await client.end();
    const page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.worker);
    const menuLink = page.getByRole('link', { name: /^Reminders \((\d+) new\)$/ });
    const unread = Number(/\((\d+) new\)/.exec((await menuLink.textContent()) ?? '')?.[1]);
    await menuLink.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reminders');
    const reminder = page.getByRole('listitem').filter({ hasText: '2 February 2020' });
    await reminder.getByRole('button', { name: /Mark as read/ }).click();
    await reminder.getByRole('button', { name: /Mark as read/ }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: unread > 1 ? `Reminders (${unread - 1} new)` : 'Reminders' }).waitFor();
    await reminder.getByRole('link', { name: /Open .*plan/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Plan for /);
  });
});

describe('adult services', () => {
  it('see incoming young people soonest first with the lead time left, and acknowledge a handover', async () => {
    const page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.adults);
    await page.getByRole('heading', { level: 1, name: 'Handover inbox' }).waitFor();
    const items = page.locator('li.inbox-item');
    await items.first().waitFor();
    const leadTimes = await items.locator('dd:nth-of-type(2)').allTextContents();
    const days = leadTimes.map((text) => (text.includes('ago') ? -1 : 1) * Number(text.replace(/\D/g, '')));
    expect(days).toEqual([...days].sort((a, b) => a - b));

    const waiting = items.filter({ has: page.getByRole('button', { name: 'Acknowledge' }) }).first();
    const handover = page.locator(`li[aria-labelledby="${await waiting.getAttribute('aria-labelledby')}"]`);
    await waiting.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => handover.textContent()).toContain('Acknowledged');
    await page.reload();
    await expect.poll(() => handover.textContent()).toContain('Acknowledged');
    expect(await handover.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
  });
});

describe('a commissioner', () => {
  it('sees the forecast as charts and tables, without a name, date of birth or NHS number', async () => {
    const page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.commissioner);
    await page.getByRole('heading', { level: 1, name: 'Demand forecast' }).waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    expect(await page.locator('table.numbers tbody tr').count()).toBeGreaterThan(3);
    const text = (await page.locator('main').textContent()) as string;
    const people = (await (await apiAs(ACCOUNTS.worker))('/api/young-people?pageSize=200')).items as {
      givenName: string;
      familyName: string;
      dateOfBirth: string;
      nhsNumber: string | null;
    }[];
    expect(people.length).toBeGreaterThan(50);
    for (const person of people) {
      expect(text).not.toContain(`${person.givenName} ${person.familyName}`);
      if (person.nhsNumber) expect(text).not.toContain(person.nhsNumber);
    }
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });
});

describe('in Danish', () => {
  it('a Danish municipality’s worker starts in Danish, reads Danish plans, and English on request', async () => {
    const page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.danishWorker);
    await page.getByRole('heading', { level: 1, name: 'Sagsoversigt' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await page.getByRole('row').nth(1).waitFor();
    const titles = await page.locator('main').textContent();
    expect(titles).toMatch(
      /Afgørelse|Forberedelse|Uddannelsesplan|Voksenudredning|Boligforhold|Beskæftigelse|Ungeplan/,
    );
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await page.getByRole('region', { name: 'Det næste' }).waitFor();
    const danishPlan = (await page.locator('main').textContent()) as string;
    expect(danishPlan).toMatch(/Frist|Overskredet|Kommer fra|Gælder/);
    await page.getByLabel('Sprog').selectOption('en');
    await page.getByRole('region', { name: 'What next' }).waitFor();
    await expect
      .poll(async () => (await page.locator('main').textContent()) as string)
      .toMatch(/Due by|Overdue|Coming up|In effect|Runs from/);
    // The choice is the person's now, and outlasts the council's language.
    await page.reload();
    await page.getByRole('region', { name: 'What next' }).waitFor();
    await page.getByLabel('Language').selectOption('da');
  });

  it('shows the interface and dates in Danish, and remembers the choice', async () => {
    const page = await signIn(await newContext(), server.baseUrl, ACCOUNTS.worker);
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('heading', { level: 1, name: 'Sagsoversigt' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    const due = await page.getByRole('row').nth(1).getByRole('cell').nth(2).textContent();
    expect(due).toMatch(/\d{1,2}\. (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\. 20\d\d/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sagsoversigt' }).waitFor();
    await page.getByLabel('Sprog').selectOption('en');
  });
});

describe('a demonstration server', () => {
  it('says on every page that it is a demonstration, and a run of wrong passwords is told how long to wait', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${server.baseUrl}/`);
    const banner = page.getByRole('region', { name: 'Demonstration' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('never enter real information here');
    // Three free tries, a fourth that starts the wait, then the fifth is told how long to wait.
    for (let attempt = 0; attempt < 4; attempt++) {
      await page.getByLabel(/Email address/).fill('someone@family.test');
      await page.getByLabel(/^Password/).fill('not the password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
      await page.getByRole('button', { name: 'Sign in', exact: true }).and(page.locator(':enabled')).waitFor();
    }
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const wait = page.getByRole('alert').filter({ hasText: 'Too many tries' });
    await wait.waitFor();
    expect(await wait.textContent()).toMatch(/^Too many tries\. Wait \d+ seconds?, then try again\.$/);
    const worker = await signIn(await newContext(), server.baseUrl, ACCOUNTS.worker);
    await worker.getByRole('region', { name: 'Demonstration' }).waitFor();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
