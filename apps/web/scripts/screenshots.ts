/**
 * `npm run screenshots -w @pathways/web`: signs in as each role on a fresh demo server and
 * saves the main pages as PNGs in docs/screenshots/ (used by the README and docs/web.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { caseloadCsv } from '../../../packages/db/test-support/caseload-csv.ts';
import { launchChromium, signIn, startServer } from '../e2e/harness.ts';

const OUT = new URL('../../../docs/screenshots/', import.meta.url).pathname;

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
  cwd: new URL('..', import.meta.url).pathname,
  stdio: 'inherit',
});
mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launchChromium();

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
}

async function as(email: string, path = '/', width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 860 } });
  return signIn(context, server.baseUrl, email, path);
}

try {
  const worker = await as('worker@northshire.test');
  await worker.getByLabel('Group by').selectOption('person');
  await shoot(worker, 'caseload');
  await worker.getByLabel('Group by').selectOption('none');
  await worker
    .getByRole('row')
    .filter({ hasText: /Late|Due now/ })
    .first()
    .getByRole('link')
    .click();
  await worker.locator('.timeline-marker.status-due, .timeline-marker.status-overdue').first().click();
  await shoot(worker, 'plan');

  const handovers = await as('worker@northshire.test', '/handovers');
  await handovers.locator('table a').first().click();
  await shoot(handovers, 'handover');

  const youngPerson = await as('maya@family.test');
  await youngPerson.getByRole('heading', { name: 'What happens next' }).waitFor();
  await shoot(youngPerson, 'my-plan');
  await youngPerson.getByRole('checkbox', { name: /Easy read/ }).check();
  await shoot(youngPerson, 'my-plan-easy-read');
  await youngPerson.getByRole('checkbox', { name: /Easy read/ }).uncheck();

  // A parent's view: the plan speaks about their child by name.
  const parent = await as('parent@family.test');
  await parent.getByRole('heading', { name: 'What happens next' }).waitFor();
  await shoot(parent, 'my-plan-family');

  const adults = await as('adults@northshire.test');
  await adults.locator('li.inbox-item').first().waitFor();
  await shoot(adults, 'inbox');

  const commissioner = await as('commissioner@northshire.test');
  await commissioner.locator('figure.chart svg').first().waitFor();
  await shoot(commissioner, 'forecast');

  // The Danish municipality's worker, in Danish.
  const danish = await as('worker@nordby.test');
  await danish.getByRole('heading', { name: 'Sagsoversigt' }).waitFor();
  await shoot(danish, 'caseload-da');
  await danish.getByRole('row').nth(1).getByRole('link').first().click();
  await danish.getByRole('heading', { name: 'Det næste' }).waitFor();
  await shoot(danish, 'plan-da');

  // A young adult near the end of their plan: rights in effect, nothing from childhood "late".
  const youngAdult = await as('adult@family.test');
  await youngAdult.getByRole('heading', { name: 'What happens next' }).waitFor();
  await shoot(youngAdult, 'my-plan-young-adult');

  // At phone width: one card per row, no sideways scrolling.
  const phone = await as('worker@northshire.test', '/', 390);
  await phone.getByRole('row').nth(1).waitFor();
  await shoot(phone, 'caseload-phone');
  await phone.getByRole('row').nth(1).getByRole('link').click();
  await phone.getByRole('heading', { name: 'What next' }).waitFor();
  await shoot(phone, 'plan-phone');

  // Easy Read at phone width: a picture beside each short line still.
  const easyPhone = await as('maya@family.test', '/', 390);
  await easyPhone.getByRole('heading', { name: 'What happens next' }).waitFor();
  await easyPhone.getByRole('checkbox', { name: /Easy read/ }).check();
  await shoot(easyPhone, 'my-plan-easy-read-phone');
  await easyPhone.getByRole('checkbox', { name: /Easy read/ }).uncheck();

  // An administrator's accounts, and setting up two-step sign-in (offered in the demo, required in a real deployment).
  const admin = await as('admin@pathways.test', '/accounts');
  await admin.getByRole('link', { name: 'Sam Okafor' }).waitFor();
  await shoot(admin, 'accounts');
  await admin.getByRole('link', { name: 'Sign-in and security' }).click();
  await admin.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await admin.getByRole('img', { name: /Scan this QR code/ }).waitFor();
  await shoot(admin, 'two-step-set-up');

  // Bringing people in: the list with a selection, the add form's errors and its check, an import checked.
  const manager = await as('manager@northshire.test', '/young-people');
  const boxes = manager.locator('.people-table tbody input[type=checkbox]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await shoot(manager, 'young-people');
  await manager.goto(`${server.baseUrl}/young-people/new`);
  await manager.getByLabel('First name').fill('Nia');
  const born = manager.getByRole('group', { name: 'Date of birth' });
  await born.getByLabel('Day').fill('31');
  await born.getByLabel('Month').fill('2');
  await born.getByLabel('Year').fill('2011');
  await manager.getByRole('button', { name: 'Continue' }).click();
  await shoot(manager, 'add-young-person-errors');
  await manager.getByLabel('Last name').fill('Okafor');
  await born.getByLabel('Day').fill('28');
  await manager.getByRole('radio', { name: 'Yes' }).check();
  await manager.getByLabel('A learning disability').check();
  await manager.getByRole('button', { name: 'Continue' }).click();
  await shoot(manager, 'add-young-person-check');
  await manager.goto(`${server.baseUrl}/young-people/import`);
  await manager.getByLabel('CSV file').setInputFiles({
    name: 'caseload.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(caseloadCsv(200, [41, 120, 150])),
  });
  await manager.getByRole('button', { name: 'Check the file' }).click();
  await manager.getByText(/would be added,/).waitFor({ timeout: 60_000 });
  await shoot(manager, 'import-dry-run');

  // A finished review from the demo's year of Northshire reviews, and its Easy Read profile page.
  const reviewer = await as('worker@northshire.test', '/young-people');
  const reviews = await reviewer.evaluate(async () => {
    const found: Record<string, string> = {};
    const people = (await (await fetch('/api/young-people?pageSize=200')).json()) as { items: { id: string }[] };
    for (const person of people.items) {
      const list = (await (await fetch(`/api/young-people/${person.id}/reviews`)).json()) as {
        items: { id: string; status: string }[];
      };
      for (const review of list.items) found[review.status] ??= review.id;
    }
    return found;
  });
  if (!reviews.completed || !reviews.planned) throw new Error('the demo has no finished or planned review');
  await reviewer.goto(`${server.baseUrl}/reviews/${reviews.completed}`);
  await reviewer.getByRole('heading', { name: 'What must happen, and by when' }).waitFor();
  await shoot(reviewer, 'review');
  await reviewer.goto(`${server.baseUrl}/reviews/${reviews.planned}/profile`);
  await reviewer.getByRole('button', { name: 'Save my page' }).waitFor();
  await shoot(reviewer, 'review-profile-easy-read');
} finally {
  await browser.close();
  await server.stop();
}
