import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../api/src/auth/totp.ts';
import { startOpenIdProvider, type OpenIdProvider } from '../../api/test-support/openid-provider.ts';
import { smtpSink } from '../../api/test-support/smtp-sink.ts';
import { DEMO_PASSWORD, launchChromium, startServer, type RunningServer } from './harness.ts';

/**
 * Accounts as a council meets them: invitations by e-mail (read from a local SMTP sink),
 * passwords, an authenticator app, a passkey (Chromium's virtual authenticator), single
 * sign-on through a real OpenID provider, a reset, and a leaver. Staff must use a second
 * factor here, as in any real deployment. SCREENSHOT_DIR=… keeps what each step looked like.
 */
const SHOTS = process.env.SCREENSHOT_DIR;
let server: RunningServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let provider: OpenIdProvider;
let browser: Browser;
let base: string;
let admin: Page;
const recoveryCodes = new Map<string, string[]>();

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A fresh browser (its own cookies): desktop, or phone width. */
async function newPage(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
  return { context, page: await context.newPage() };
}

/** The newest account link e-mailed to someone (the sink is a real SMTP server). */
async function linkMailedTo(email: string, after: number): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const mail = sink.received
      .slice(after)
      .findLast((sent) => sent.to && JSON.stringify(sent.to).includes(email) && sent.text?.includes('/set-password#'));
    const link = /(http\S+\/set-password#[\w-]+)/.exec(mail?.text ?? '')?.[1];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no link e-mailed to ${email}`);
}

async function passwordSignIn(page: Page, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Sets up an authenticator app as a person with a phone would: the key from the page, the code from the "app". */
async function setUpApp(page: Page, who: string) {
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.getByRole('img', { name: /Scan this QR code/ }).waitFor();
  const secret = ((await page.locator('.secret-key').textContent()) as string).replaceAll(' ', '');
  await shoot(page, `${who}-app-set-up`);
  await page.getByLabel('Enter the 6-digit code the app shows').fill(await totpCode(secret, new Date()));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  recoveryCodes.set(who, await page.locator('.recovery-codes li').allTextContents());
  expect(recoveryCodes.get(who)).toHaveLength(10);
  await shoot(page, `${who}-recovery-codes`);
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  await signedIn(page);
}

/** Signed in all the way (part-way, the header already names the person, but the menu is not there yet). */
async function signedIn(page: Page) {
  await page.getByRole('link', { name: 'Sign-in and security' }).waitFor();
}

/** The administrator invites someone through the form, and the link arrives by e-mail. */
async function invite(name: string, email: string, role: string): Promise<string> {
  const before = sink.received.length;
  await admin.getByRole('link', { name: 'Accounts', exact: true }).click();
  await admin.getByRole('link', { name: 'Invite a person' }).click();
  await admin.getByLabel('Name', { exact: true }).fill(name);
  await admin.getByLabel('Email').fill(email);
  await admin.getByRole('radio', { name: role }).check();
  await admin.getByLabel('Area').selectOption({ label: 'Northshire County Council' });
  await admin.getByRole('button', { name: 'Check the invitation' }).click();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText(`Invitation sent to ${email}.`).waitFor();
  return linkMailedTo(email, before);
}

/** Opens the e-mailed link and chooses a password. */
async function choosePassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await page.getByRole('heading', { name: 'Your password is saved' }).waitFor();
}

beforeAll(async () => {
  sink = await smtpSink();
  server = await startServer({
    env: {
      STAFF_TWO_FACTOR: 'true',
      SMTP_URL: sink.url,
      MAIL_FROM: 'Pathways <no-reply@pathways.test>',
      JOBS_INTERVAL_SECONDS: '0',
    },
  });
  // Passkeys belong to a host name (never an IP address): the browser uses localhost.
  base = server.baseUrl.replace('127.0.0.1', 'localhost');
  provider = await startOpenIdProvider([`${base}/sign-on/callback`]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await server?.stop();
  await sink?.close();
});

describe('accounts and secure sign-in', () => {
  it('an administrator sets up two-step sign-in, invites a worker, who chooses a password, sets up an app and signs in', async () => {
    admin = (await newPage()).page;
    await passwordSignIn(admin, 'admin@pathways.test', DEMO_PASSWORD);
    await admin.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await shoot(admin, 'enrol');
    await setUpApp(admin, 'admin');
    await admin.getByRole('heading', { name: 'Accounts' }).waitFor();
    await shoot(admin, 'accounts');

    // An empty form: the error summary, each problem a link to its field.
    await admin.getByRole('link', { name: 'Invite a person' }).click();
    await admin.getByRole('button', { name: 'Check the invitation' }).click();
    await admin.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await shoot(admin, 'invite-errors');
    await admin.getByRole('link', { name: 'Enter the person’s name' }).click();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('name');

    const link = await invite('Nia Newman', 'nia@northshire.test', 'Transition worker');
    const { page: nia } = await newPage(390);
    await nia.goto(link);
    await nia.getByRole('heading', { name: 'Set up your Pathways account' }).waitFor();
    await nia.getByLabel('New password').fill('password1234');
    await nia.getByRole('button', { name: 'Save password' }).click();
    await nia.getByRole('link', { name: /one of the most common passwords/ }).waitFor();
    await shoot(nia, 'set-password-error-phone');
    await nia.getByLabel('New password').fill('a quiet lighthouse by the bay');
    await nia.getByRole('button', { name: 'Save password' }).click();
    await nia.getByRole('link', { name: 'Go to sign in' }).click();
    await passwordSignIn(nia, 'nia@northshire.test', 'a quiet lighthouse by the bay');
    await nia.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await shoot(nia, 'enrol-phone');
    await setUpApp(nia, 'nia');
    await expect.poll(() => nia.getByText('Signed in as Nia Newman').isVisible()).toBe(true);
    // The link was used: it cannot be used again.
    await nia.goto(link);
    await nia.getByText('This link has expired or has already been used').waitFor();
  }, 120_000);

  it('another worker adds a passkey (a virtual authenticator) and signs in with it, no password', async () => {
    const link = await invite('Pat Quinn', 'pat@northshire.test', 'Team manager');
    const { context, page: pat } = await newPage();
    const cdp = await context.newCDPSession(pat);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await choosePassword(pat, link, 'seven green bicycles in the rain');
    await passwordSignIn(pat, 'pat@northshire.test', 'seven green bicycles in the rain');
    await pat.getByLabel('Name for this passkey').fill('Work laptop');
    await pat.getByRole('button', { name: 'Add a passkey' }).click();
    await signedIn(pat);
    await pat.getByRole('button', { name: 'Sign out' }).click();
    await pat.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await pat.getByText('Signed in as Pat Quinn').waitFor();
    await pat.getByRole('link', { name: 'Sign-in and security' }).click();
    await pat.getByText('Work laptop', { exact: true }).waitFor();
    await shoot(pat, 'security');
  }, 120_000);

  it("a worker signs in through the council's OpenID provider, once an administrator has set it up", async () => {
    await admin.goto(`${base}/accounts/sign-on`);
    await admin.getByLabel('Area').selectOption({ label: 'Northshire County Council' });
    await admin.getByRole('button', { name: 'Save single sign-on' }).click();
    await admin.getByRole('link', { name: 'Enter the issuer URL, starting with https://' }).waitFor();
    await admin.getByRole('link', { name: 'Enter the client secret the provider gave you' }).waitFor();
    await admin.getByLabel('Issuer URL').fill(provider.issuer);
    await admin.getByLabel('Client ID').fill(provider.clientId);
    await admin.getByLabel('Client secret').fill(provider.clientSecret);
    await admin.getByRole('button', { name: 'Save single sign-on' }).click();
    await admin.getByText('Single sign-on saved.').waitFor();
    await shoot(admin, 'sign-on-settings');

    const { page: priya } = await newPage();
    await priya.goto(`${base}/sign-in`);
    await priya.getByRole('button', { name: 'Sign in with Northshire County Council' }).click();
    // The provider's own sign-in page (oidc-provider's development form).
    await priya.locator('input[name="login"]').fill('worker2@northshire.test');
    await priya.locator('input[name="password"]').fill('their work password');
    await priya.locator('button[type="submit"]').click();
    await priya.getByText('Signed in as Priya Shah').waitFor();
    expect(new URL(priya.url()).pathname).toBe('/caseload');
  }, 120_000);

  it('a person resets a forgotten password from the e-mailed link, and their other sessions end', async () => {
    const { page: elsewhere } = await newPage();
    await passwordSignIn(elsewhere, 'nia@northshire.test', 'a quiet lighthouse by the bay');
    await elsewhere.getByLabel('Code from your app').fill(recoveryCodes.get('nia')?.[0] as string);
    await elsewhere.getByRole('button', { name: 'Continue' }).click();
    await elsewhere.getByText('Signed in as Nia Newman').waitFor();

    const { page: nia } = await newPage();
    const before = sink.received.length;
    await nia.goto(`${base}/sign-in`);
    await nia.getByRole('link', { name: 'Forgotten your password?' }).click();
    await nia.getByLabel('Email address').fill('nia@northshire.test');
    await nia.getByRole('button', { name: 'Send the link' }).click();
    await nia.getByRole('heading', { name: 'Check your email' }).waitFor();
    await choosePassword(nia, await linkMailedTo('nia@northshire.test', before), 'the harbour lights at dusk');
    await expect
      .poll(() => sink.received.some((mail) => mail.subject === 'Your Pathways password has changed'))
      .toBe(true);

    await elsewhere.reload();
    await elsewhere.getByRole('heading', { name: 'Sign in to Pathways' }).waitFor();
    await passwordSignIn(nia, 'nia@northshire.test', 'the harbour lights at dusk');
    await nia.getByLabel('Code from your app').fill(recoveryCodes.get('nia')?.[1] as string);
    await nia.getByRole('button', { name: 'Continue' }).click();
    await nia.getByText('Signed in as Nia Newman').waitFor();
  }, 120_000);

  it('an administrator deactivates a leaver, whose open session stops at once', async () => {
    const { page: leaver } = await newPage();
    await passwordSignIn(leaver, 'worker2@northshire.test', DEMO_PASSWORD);
    await leaver.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await setUpApp(leaver, 'priya');
    await admin.getByRole('link', { name: 'Accounts', exact: true }).click();
    await admin.getByRole('link', { name: 'Priya Shah' }).click();
    await admin.getByRole('button', { name: 'Deactivate account' }).click();
    await admin.getByText('The account is deactivated and every session of it has ended.').waitFor();
    await shoot(admin, 'account-deactivated');
    await leaver.getByRole('link', { name: 'Young people' }).click();
    await leaver.getByRole('heading', { name: 'Sign in to Pathways' }).waitFor();
  }, 120_000);
});
