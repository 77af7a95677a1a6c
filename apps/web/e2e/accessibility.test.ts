import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { DEMO_PASSWORD, launchChromium, signIn, startServer, type RunningServer } from './harness.ts';

/**
 * WCAG 2.2 AA: axe-core finds nothing on any page, for every role, in both languages; and a
 * whole journey works from the keyboard alone with a visible focus at every step.
 * (The embedded database: this file is about the pages, the journeys file covers PostgreSQL.)
 */
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function as(email: string, path = '/', width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  return signIn(context, server.baseUrl, email, path);
}

async function expectNoViolations(page: Page, what: string) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

describe('axe-core finds no WCAG 2.2 AA violation', () => {
  it('on the sign-in page, and a failed sign-in', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await expectNoViolations(page, 'sign in');
    await page.getByLabel(/Email address/).fill('worker@northshire.test');
    await page.getByLabel(/^Password/).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await expectNoViolations(page, 'sign in failed');
  });

  it('on every page a transition worker uses', async () => {
    const page = await as('worker@northshire.test');
    await expectNoViolations(page, 'caseload');
    await page.getByLabel('Group by').selectOption('person');
    await expectNoViolations(page, 'caseload grouped');
    await page.getByRole('link', { name: 'Young people' }).click();
    await expectNoViolations(page, 'young people');
    await page.locator('.people-table tbody a').first().click();
    await page.locator('.timeline-marker').first().waitFor();
    await page.locator('.timeline-marker').first().click();
    await page.locator('.milestone-details').waitFor();
    await page.locator('details summary').last().click();
    await page.locator('details table').waitFor();
    await page
      .getByRole('region', { name: 'Who may see this plan' })
      .getByRole('button', { name: 'Agree to share' })
      .waitFor();
    await expectNoViolations(page, 'plan, with sharing and subject access');
    await page.getByRole('link', { name: 'Prepare a handover' }).click();
    await expectNoViolations(page, 'new handover');
    await page.getByRole('link', { name: 'Handovers', exact: true }).click();
    await expectNoViolations(page, 'handovers');
    await page.locator('table a').first().click();
    await expectNoViolations(page, 'handover');
    await page.getByRole('link', { name: /^Reminders/ }).click();
    await expectNoViolations(page, 'reminders');
    await page.goto(`${server.baseUrl}/no/such/page`);
    await expectNoViolations(page, 'not found');
  });

  it('on a review: arranging it (errors, check), inviting, the Easy Read profile, the print view and an invitee’s link', async () => {
    const page = await as('worker@northshire.test', '/young-people');
    await page.locator('.people-table tbody a').first().click();
    await page.getByRole('link', { name: 'Arrange a review or meeting' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoViolations(page, 'arrange a review, with errors');
    await page.getByRole('radio').first().check();
    const next = new Date(Date.now() + 30 * 86_400_000);
    const date = page.getByRole('group', { name: 'Date of the meeting' });
    await date.getByLabel('Day').fill(String(next.getUTCDate()));
    await date.getByLabel('Month').fill(String(next.getUTCMonth() + 1));
    await date.getByLabel('Year').fill(String(next.getUTCFullYear()));
    await page.getByLabel('Start time').fill('10:00');
    await page.getByLabel('Where').fill('Town hall');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectNoViolations(page, 'check the meeting');
    await page.getByRole('button', { name: 'Arrange the meeting' }).click();
    await page.getByRole('heading', { level: 2, name: 'Who is invited' }).waitFor();
    await page.getByText('Invite someone').click();
    await page.getByLabel('Someone else (by name and e-mail)').check();
    await page.getByLabel('Their name').fill('Sam Senco');
    await page.getByLabel(/Who are they to/).selectOption({ label: 'School' });
    await page.getByLabel('Ask them for written advice before the meeting').check();
    await page.getByLabel('What do you want their advice about?').fill('How is school going?');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.locator('[data-invitation="Sam Senco"]').waitFor();
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await page.getByRole('button', { name: 'Make a link to give Sam Senco' }).click();
    const link = (await page.locator('.private-link').textContent()) as string;
    await expectNoViolations(page, 'a review, invited, with a link made by hand');
    await page.getByRole('link', { name: /Write the one-page profile/ }).click();
    await page.getByRole('button', { name: 'Save my page' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoViolations(page, 'the one-page profile, with errors');
    await page.goBack();
    await page.getByRole('link', { name: 'Print the review report' }).click();
    await page.getByRole('heading', { name: /Review report/ }).waitFor();
    expect(await axeViolations(page), 'print view').toEqual([]);
    const invitee = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(invitee);
    const linked = await invitee.newPage();
    await linked.goto(link);
    await linked.getByText('Will you come?').waitFor();
    await expectNoViolations(linked, 'an invitee’s private link, at phone width');
  });

  it('on adding a young person (errors, check your answers), choosing named workers, importing and inviting a family', async () => {
    const page = await as('manager@northshire.test', '/young-people/new');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectNoViolations(page, 'add a young person, with errors');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    const born = page.getByRole('group', { name: 'Date of birth' });
    await born.getByLabel('Day').fill('10');
    await born.getByLabel('Month').fill('12');
    await born.getByLabel('Year').fill('2011');
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your answers before saving' }).waitFor();
    await expectNoViolations(page, 'check your answers');
    await page.goto(`${server.baseUrl}/young-people`);
    await page.locator('.people-table tbody input[type=checkbox]').first().check();
    await page.getByRole('heading', { name: /^Named worker for 1 selected/ }).waitFor();
    await page.getByText('Hand over a whole caseload').click();
    await expectNoViolations(page, 'young people, one selected, hand-over open');
    await page.getByRole('link', { name: 'Import young people' }).click();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'caseload.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'local_id,given_name,family_name,date_of_birth\nA-1,Ada,Byron,2011-12-10\nA-2,,Byron,31/02/2011\n',
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('table', { name: /row with problems/ }).waitFor();
    await expectNoViolations(page, 'import, dry run with a problem');
    await page.goto(`${server.baseUrl}/young-people`);
    await page.locator('.people-table tbody a').first().click();
    await page.getByText('Invite someone to see the plan').click();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('link', { name: 'Select who you are inviting' }).waitFor();
    await expectNoViolations(page, 'family invitation, with errors');
  });

  it('on the young person’s own plan, in plain and easy read, and the family’s view', async () => {
    const page = await as('maya@family.test');
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    await page.getByRole('heading', { name: 'Who can see my plan' }).waitFor();
    await expectNoViolations(page, 'my plan, with sharing and a copy of my information');
    await page.getByRole('checkbox', { name: /Easy read/ }).check();
    await expectNoViolations(page, 'my plan, easy read');
    const parent = await as('parent@family.test');
    await parent.getByRole('heading', { name: 'What happens next' }).waitFor();
    // A parent's page speaks about their child by name.
    await parent.getByRole('heading', { level: 1, name: /’s plan$/ }).waitFor();
    await parent.getByRole('heading', { level: 2, name: /^Who will help \S+$/ }).waitFor();
    // Every milestone speaks about the child, by name, never to the parent as if they were the child.
    const helpers = parent.getByRole('heading', { level: 2, name: /^Who will help \S+$/ });
    const child = ((await helpers.textContent()) as string).replace(/^Who will help /, '');
    const milestones = await parent.locator('.plain-milestone').allTextContents();
    expect(milestones.length).toBeGreaterThan(0);
    for (const text of milestones) {
      expect(text).toContain(child);
      expect(text).not.toMatch(/\byour\b/i);
      expect(text).not.toContain('{name}');
    }
    await expectNoViolations(parent, 'parent');
    await parent.getByRole('checkbox', { name: /Easy read/ }).check();
    for (const line of await parent.locator('.easy-points li span').allTextContents())
      expect(line).not.toMatch(/\byour\b/i);
    await expectNoViolations(parent, 'parent, easy read');
    await parent.getByRole('checkbox', { name: /Easy read/ }).uncheck();
  });

  it('on the handover inbox and a received pack', async () => {
    const page = await as('adults@northshire.test');
    await page.locator('li.inbox-item').first().waitFor();
    await expectNoViolations(page, 'inbox');
    await page.getByRole('link', { name: 'Open handover' }).first().click();
    await expectNoViolations(page, 'received handover');
  });

  it('for another agency: its young people, a plan with documents, the upload errors, and a conversation', async () => {
    const page = await as('senco@riverside.test');
    await page.locator('main li a').first().waitFor();
    await expectNoViolations(page, 'linked young people');
    await page.locator('main li a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Documents' }).waitFor();
    await expectNoViolations(page, 'plan seen by another agency');
    await page.getByRole('button', { name: 'Add the document' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page), 'upload errors').toEqual([]);
    await page.getByRole('link', { name: 'Messages with the other agencies' }).click();
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoViolations(page, 'conversation with errors');
    await page.getByLabel('Your message').fill('Our advice is attached.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Your message was sent.').waitFor();
    const worker = await as('worker@northshire.test', '/messages');
    await expectNoViolations(worker, 'messages');
  });

  it('on the commissioning forecast, the agency directory, accounts and sign-in security', async () => {
    const commissioner = await as('commissioner@northshire.test');
    await commissioner.locator('figure.chart svg').first().waitFor();
    await expectNoViolations(commissioner, 'forecast');
    const admin = await as('admin@pathways.test', '/agencies');
    await admin.locator('table').waitFor();
    await expectNoViolations(admin, 'agencies');
    await admin.getByRole('button', { name: 'Add an agency' }).click();
    await admin.getByRole('button', { name: 'Save agency' }).click();
    await admin.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectNoViolations(admin, 'add an agency, with errors');
    await admin.getByRole('link', { name: 'Accounts', exact: true }).click();
    await admin.getByRole('link', { name: 'Sam Okafor' }).waitFor();
    await expectNoViolations(admin, 'accounts');
    await admin.getByRole('link', { name: 'Invite a person' }).click();
    await admin.getByRole('button', { name: 'Check the invitation' }).click();
    await admin.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectNoViolations(admin, 'invitation with its error summary');
    await admin.getByRole('link', { name: 'Sign-in and security' }).click();
    await admin.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await admin.getByRole('img', { name: /Scan this QR code/ }).waitFor();
    await expectNoViolations(admin, 'security, setting up an app');
  });

  it('at phone width (390 px), with no sideways scrolling: caseload, plan and own plan', async () => {
    const noSidewaysScroll = async (page: Page, what: string) => {
      // Nothing, at any depth, reaches past the right edge of the screen (a scroll box inside counts too).
      const past = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
          .slice(0, 5),
      );
      expect(past, what).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), what).toBe(true);
    };
    const worker = await as('worker@northshire.test', '/', 390);
    await worker.getByRole('row').nth(1).waitFor();
    await expectNoViolations(worker, 'caseload at 390 px');
    await noSidewaysScroll(worker, 'caseload at 390 px');
    // Touch targets: the links and buttons in a caseload card are at least 24 px high.
    const heights = await worker
      .locator('.caseload-row a, .caseload-row button')
      .evaluateAll((elements) => elements.slice(0, 10).map((element) => element.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(24);
    await worker.getByRole('row').nth(1).getByRole('link').click();
    await worker.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    await worker.getByRole('region', { name: 'What next' }).waitFor();
    await expectNoViolations(worker, 'plan at 390 px');
    await noSidewaysScroll(worker, 'plan at 390 px');
    const own = await as('adult@family.test', '/', 390);
    await own.getByRole('heading', { name: 'What happens next' }).waitFor();
    await expectNoViolations(own, 'own plan at 390 px');
    await noSidewaysScroll(own, 'own plan at 390 px');
  });

  it('on the local offer: a search with an error, a service, the referral form with errors and its check page, referrals', async () => {
    const parent = await as('parent@family.test', '/services?topic=short_breaks&age=16');
    await parent.locator('.service-card').first().waitFor();
    await expectNoViolations(parent, 'local offer search');
    await parent.getByLabel('Age of the young person').fill('old');
    await parent.getByRole('button', { name: 'Search' }).click();
    await parent.getByRole('alert').waitFor();
    expect(await axeViolations(parent), 'search with an error').toEqual([]);
    await parent.locator('.service-card a').first().click();
    await expectNoViolations(parent, 'a service');
    const worker = await as('worker@northshire.test', '/young-people');
    await worker.locator('.people-table tbody a').first().click();
    await worker.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    await worker.getByRole('link', { name: 'Refer to a service' }).click();
    await worker.getByRole('button', { name: 'Continue' }).click();
    await worker.getByRole('alert').waitFor();
    await expectNoViolations(worker, 'referral form with errors');
    await worker.getByLabel('Service', { exact: true }).selectOption({ index: 1 });
    await worker.getByLabel('What is the referral for?').fill('Short breaks at weekends');
    await worker.getByRole('radio').first().check();
    await worker.getByRole('button', { name: 'Continue' }).click();
    await worker.getByRole('heading', { name: 'Check the referral before you send it' }).waitFor();
    await expectNoViolations(worker, 'referral check page');
    await worker.getByRole('button', { name: 'Send the referral' }).click();
    await worker.locator('li.referral').first().waitFor();
    await worker.getByText('Record an answer').first().click();
    expect(await axeViolations(worker), 'plan with a referral and its answer form').toEqual([]);
    const phone = await as('parent@family.test', '/services?topic=short_breaks', 390);
    await phone.locator('.service-card').first().waitFor();
    await expectNoViolations(phone, 'local offer at 390 px');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.getByLabel('Language').selectOption('da');
    await phone.getByRole('heading', { level: 1, name: 'Find tilbud' }).waitFor();
    await expectNoViolations(phone, 'local offer in Danish');
    await phone.getByLabel('Sprog').selectOption('en');
  });

  it('in Danish', async () => {
    const page = await as('worker@northshire.test');
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('heading', { level: 1, name: 'Sagsoversigt' }).waitFor();
    await expectNoViolations(page, 'caseload, Danish');
    await page.getByLabel('Sprog').selectOption('en');
  });
});

it('axe-core is really checking: a page with a known fault fails', async () => {
  const page = await as('worker@northshire.test');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    document.querySelector('main')?.append(image);
    document.querySelector('#from')?.removeAttribute('id');
  });
  expect((await axeViolations(page)).map((violation) => violation.id).sort()).toEqual(['image-alt', 'label']);
});

describe('keyboard alone', () => {
  /** Presses Tab until the focused element matches, checking that every stop shows its focus. */
  async function tabTo(
    page: Page,
    matches: (element: { tag: string; text: string; label: string | null; inTable: boolean }) => boolean,
    limit = 80,
    key: 'Tab' | 'Shift+Tab' = 'Tab',
  ) {
    const trail: string[] = [];
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press(key);
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          tag: element.tagName.toLowerCase(),
          text: (element.textContent ?? '').trim(),
          label: element.getAttribute('aria-label'),
          inTable: element.closest('table, [role="table"]') !== null,
          isVisible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        };
      });
      trail.push(`${focused.tag} "${focused.text.slice(0, 30)}"`);
      expect(
        focused.isVisible,
        `focus ring on ${focused.tag} "${focused.text.slice(0, 40)}" after ${trail.join(' → ')}`,
      ).toBe(true);
      if (matches(focused)) return;
    }
    throw new Error('never reached by Tab');
  }

  it('signs in, opens a young person’s plan, reads a milestone and marks it done, with focus always visible', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await tabTo(page, (f) => f.text === 'Skip to main content');
    await tabTo(page, (f) => f.tag === 'input');
    await page.keyboard.type('worker@northshire.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    // The page's heading has focus; the menu is above it.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Young people', 20, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Young people' }).waitFor();
    // Focus moved to the new page's heading: the next Tab starts in the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Caseload', 20, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();

    // The first young person in the caseload's table (past the actions and reviews above it): someone with something due or late.
    await tabTo(page, (f) => f.tag === 'a' && f.inTable, 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    await page.locator('.timeline-marker').first().waitFor();
    await page.getByRole('heading', { name: 'Add a goal' }).waitFor();
    await page.waitForLoadState('networkidle');

    await tabTo(page, (f) => f.tag === 'button' && /Due now|Late/.test(f.label ?? ''), 200);
    await page.keyboard.press('Enter');
    await page.locator('.milestone-details').waitFor();
    expect(await page.locator('.milestone-details h3').textContent()).toMatch(/Due now|Late/);
    await tabTo(page, (f) => f.tag === 'button' && (f.text === 'Mark as done' || f.text.startsWith('Record: ')), 200);
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Saved|marked as done on/ })
          .count(),
      )
      .toBe(1);
  });
});
