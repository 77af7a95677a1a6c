import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from './auth/totp.ts';
import {
  call,
  PASSWORD,
  signIn,
  startTestServer,
  TODAY,
  type Fixture,
  type Session,
} from '../test-support/test-server.ts';

/**
 * Accounts made real: an administrator invites, the invited person chooses a password from a
 * single-use link and sets up two-factor sign-in; resets, deactivation and sessions. The
 * clock is the test's, so links expire when the test says.
 */
type Mail = { to: string; subject: string; text: string };
const NEW_PASSWORD = 'a long walk by the river';

/** The token of the newest link e-mailed to someone. */
function linkTokenFor(mails: Mail[], email: string): string {
  const mail = mails.findLast((sent) => sent.to === email && sent.text.includes('/set-password#'));
  const token = /\/set-password#([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no link e-mailed to ${email}`);
  return token;
}

/** Signs in with a password only, keeping the part-way session. */
async function passwordStep(f: Fixture, email: string, password: string) {
  const response = await fetch(`${f.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: f.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrfToken: string; stage: string };
  const session: Session = {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrfToken: body.csrfToken,
  };
  return { status: response.status, stage: body.stage, session };
}

/** The session a response that finished a sign-in step gave (its new cookie and CSRF token). */
function sessionFrom(response: {
  headers: Headers;
  body: { csrfToken?: string; session?: { csrfToken: string } };
}): Session {
  return {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrfToken: response.body.csrfToken ?? response.body.session?.csrfToken ?? '',
  };
}

for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`accounts and secure sign-in (${backend})`, () => {
    let f: Fixture;
    let clock = new Date(`${TODAY}T10:00:00Z`);
    const mails: Mail[] = [];
    let admin: Session;
    beforeAll(async () => {
      f = await startTestServer(backend, () => clock, {
        services: {
          requireStaffSecondFactor: true,
          tellAccountHolder: async (to, subject, text) => void mails.push({ to: to.email, subject, text }),
        },
      });
      // The fixture's administrators have no second factor yet: the area's sets one up.
      admin = await signInWithNewTotp(f, f.areaAdmins.own.email, () => clock);
    });
    /** Moves the clock on; sessions idle for more than 30 minutes end, so the administrator signs in again. */
    const moveClock = async (ms: number) => {
      clock = new Date(clock.getTime() + ms);
      if (ms > 60_000) admin = await signInWithCode(f, f.areaAdmins.own.email, () => clock);
    };
    afterAll(async () => f?.close());

    it('invites a worker, who chooses a password from the link, sets up an authenticator app and signs in with it', async () => {
      const invited = await call(f, admin, 'POST', '/api/accounts', {
        email: 'New.Worker@NS.test',
        name: 'Nia Worker',
        role: 'transition_worker',
        areaId: f.areaId,
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({
        emailed: true,
        account: { email: 'new.worker@ns.test', status: 'invited' },
      });
      const token = linkTokenFor(mails, 'new.worker@ns.test');
      expect((await call(f, null, 'POST', '/api/account-links/look-up', { token })).body).toMatchObject({
        purpose: 'invitation',
        name: 'Nia Worker',
      });

      // A common password is refused, naming the field; the link is still good afterwards.
      const weak = await call(f, null, 'POST', '/api/account-links/use', { token, password: 'password1234' });
      expect(weak.status).toBe(400);
      expect(weak.body.error).toMatchObject({ field: 'password', reason: 'common' });
      const short = await call(f, null, 'POST', '/api/account-links/use', { token, password: 'short one' });
      expect(short.body.error).toMatchObject({
        reason: 'too_short',
        message: expect.stringMatching(/at least 12 characters/),
      });
      const own = await call(f, null, 'POST', '/api/account-links/use', { token, password: 'new.worker@ns.test!!' });
      expect(own.body.error.field).toBe('password');
      expect((await call(f, null, 'POST', '/api/account-links/use', { token, password: NEW_PASSWORD })).status).toBe(
        200,
      );
      // Single use.
      expect((await call(f, null, 'POST', '/api/account-links/use', { token, password: NEW_PASSWORD })).status).toBe(
        404,
      );

      // Staff must set up a second factor before anything else.
      const step = await passwordStep(f, 'new.worker@ns.test', NEW_PASSWORD);
      expect(step.stage).toBe('enrol');
      expect((await call(f, step.session, 'GET', '/api/caseload?from=2026-11-01&to=2027-03-01')).status).toBe(401);
      const started = await call(f, step.session, 'POST', '/api/account/totp/start');
      expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Pathways:new\.worker%40ns\.test\?secret=/);
      expect(started.body.qrSvg).toMatch(/^<svg/);
      const wrong = await call(f, step.session, 'POST', '/api/account/totp', { code: '000000' });
      expect(wrong.status).toBe(400);
      const enrolled = await call(f, step.session, 'POST', '/api/account/totp', {
        code: await totpCode(started.body.secret, clock),
      });
      expect(enrolled.status).toBe(200);
      expect(enrolled.body.recoveryCodes).toHaveLength(10);
      expect(enrolled.body.session.stage).toBe('complete');
      const worker = sessionFrom(enrolled);
      expect((await call(f, worker, 'GET', '/api/caseload?from=2026-11-01&to=2027-03-01')).status).toBe(200);
      // The part-way session's token is worth nothing now.
      expect((await call(f, step.session, 'GET', '/api/session')).status).toBe(401);

      // Next time: password, then the app's code; a code is accepted once only.
      await moveClock(60_000);
      const again = await passwordStep(f, 'new.worker@ns.test', NEW_PASSWORD);
      expect(again.stage).toBe('second_factor');
      expect((await call(f, again.session, 'GET', '/api/caseload?from=2026-11-01&to=2027-03-01')).status).toBe(401);
      const code = await totpCode(started.body.secret, clock);
      const finished = await call(f, again.session, 'POST', '/api/session/second-factor', { code });
      expect(finished.status).toBe(200);
      expect(finished.body.stage).toBe('complete');
      const replay = await passwordStep(f, 'new.worker@ns.test', NEW_PASSWORD);
      expect((await call(f, replay.session, 'POST', '/api/session/second-factor', { code })).status).toBe(400);
      // A recovery code works, once.
      const recovery = enrolled.body.recoveryCodes[0] as string;
      expect(
        (await call(f, replay.session, 'POST', '/api/session/second-factor', { code: recovery.toUpperCase() })).status,
      ).toBe(200);
      const spent = await passwordStep(f, 'new.worker@ns.test', NEW_PASSWORD);
      expect((await call(f, spent.session, 'POST', '/api/session/second-factor', { code: recovery })).status).toBe(400);

      const listed = await call(f, admin, 'GET', '/api/accounts');
      const account = listed.body.items.find((item: { email: string }) => item.email === 'new.worker@ns.test');
      expect(account).toMatchObject({ status: 'active', twoFactor: true, lastSignInAt: clock.toISOString() });
    });

    it('expires invitation links after 7 days and reset links after an hour (fake clock)', async () => {
      await call(f, admin, 'POST', '/api/accounts', {
        email: 'slow@ns.test',
        name: 'Sol Slow',
        role: 'team_manager',
        areaId: f.areaId,
      });
      const token = linkTokenFor(mails, 'slow@ns.test');
      await moveClock(7 * 24 * 3_600_000 + 1000);
      expect((await call(f, null, 'POST', '/api/account-links/look-up', { token })).status).toBe(404);
      expect((await call(f, null, 'POST', '/api/account-links/use', { token, password: NEW_PASSWORD })).status).toBe(
        404,
      );
      // A new invitation works, and the old link stays dead.
      const account = (await call(f, admin, 'GET', '/api/accounts')).body.items.find(
        (item: { email: string }) => item.email === 'slow@ns.test',
      );
      expect((await call(f, admin, 'POST', `/api/accounts/${account.id}/invitation`)).body).toEqual({ emailed: true });
      const fresh = linkTokenFor(mails, 'slow@ns.test');
      expect(fresh).not.toBe(token);
      expect((await call(f, null, 'POST', '/api/account-links/look-up', { token: fresh })).status).toBe(200);

      await call(f, null, 'POST', '/api/password-reset', { email: f.users.manager.email });
      const reset = linkTokenFor(mails, f.users.manager.email);
      await moveClock(59 * 60_000);
      expect((await call(f, null, 'POST', '/api/account-links/look-up', { token: reset })).body.purpose).toBe(
        'password_reset',
      );
      await moveClock(2 * 60_000);
      expect(
        (await call(f, null, 'POST', '/api/account-links/use', { token: reset, password: NEW_PASSWORD })).status,
      ).toBe(404);
    });

    it('resets a forgotten password from the e-mailed link: other sessions end and the person is told', async () => {
      const email = f.users.commissioner.email;
      const before = await passwordStep(f, email, PASSWORD);
      // The commissioner has no second factor yet: staff are asked to set one up.
      expect(before.stage).toBe('enrol');
      const unknown = await call(f, null, 'POST', '/api/password-reset', { email: 'nobody@ns.test' });
      expect(unknown.status).toBe(202);
      expect(mails.some((mail) => mail.to === 'nobody@ns.test')).toBe(false);
      expect((await call(f, null, 'POST', '/api/password-reset', { email: email.toUpperCase() })).status).toBe(202);
      const token = linkTokenFor(mails, email);
      expect((await call(f, null, 'POST', '/api/account-links/use', { token, password: NEW_PASSWORD })).status).toBe(
        200,
      );
      expect((await call(f, before.session, 'GET', '/api/session')).status).toBe(401);
      expect(mails.at(-1)).toMatchObject({ to: email, subject: 'Your Pathways password has changed' });
      expect((await passwordStep(f, email, PASSWORD)).status).toBe(401);
      expect((await passwordStep(f, email, NEW_PASSWORD)).status).toBe(200);
    });

    it('deactivates a leaver, whose open session stops at once, and reactivates them', async () => {
      const leaver = await signIn(f, f.users.otherWorker.email);
      expect((await call(f, leaver, 'GET', '/api/session')).status).toBe(200);
      // Westvale's worker is not the Northshire administrator's to deactivate.
      const refused = await call(f, admin, 'POST', `/api/accounts/${f.users.otherWorker.id}/deactivate`);
      expect(refused.status).toBe(404);
      const westvaleAdmin = await signInWithNewTotp(f, f.areaAdmins.other.email, () => clock);
      const done = await call(f, westvaleAdmin, 'POST', `/api/accounts/${f.users.otherWorker.id}/deactivate`);
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('deactivated');
      expect((await call(f, leaver, 'GET', '/api/session')).status).toBe(401);
      expect((await passwordStep(f, f.users.otherWorker.email, PASSWORD)).status).toBe(401);
      expect(
        (await call(f, westvaleAdmin, 'POST', `/api/accounts/${f.users.otherWorker.id}/reactivate`)).body.status,
      ).toBe('active');
      expect((await passwordStep(f, f.users.otherWorker.email, PASSWORD)).status).toBe(200);
    });

    it('lists and ends sessions: a person their own, an administrator anyone of their area', async () => {
      const first = await signIn(f, f.users.worker.email);
      const second = await signIn(f, f.users.worker.email);
      expect((await call(f, second, 'GET', '/api/session')).body.stage).toBe('enrol');
      // The worker has no second factor: sessions part-way through sign-in are not listed.
      expect((await call(f, first, 'GET', '/api/account/sessions')).status).toBe(401);
      const worker = await signInWithNewTotp(f, f.users.worker.email, () => clock);
      clock = new Date(clock.getTime() + 30_000);
      const other = await signInWithCode(f, f.users.worker.email, () => clock);
      const listed = await call(f, worker, 'GET', '/api/account/sessions');
      expect(listed.body.items.filter((item: { current: boolean }) => item.current)).toHaveLength(1);
      const otherId = listed.body.items.find((item: { current: boolean }) => !item.current).id;
      expect((await call(f, worker, 'DELETE', `/api/account/sessions/${otherId}`)).status).toBe(204);
      expect((await call(f, other, 'GET', '/api/session')).status).toBe(401);
      expect((await call(f, worker, 'DELETE', `/api/account/sessions/${otherId}`)).status).toBe(404);
      expect(
        (await call(f, admin, 'DELETE', `/api/accounts/${f.users.worker.id}/sessions`)).body.ended,
      ).toBeGreaterThanOrEqual(1);
      expect((await call(f, worker, 'GET', '/api/session')).status).toBe(401);
      expect((await call(f, second, 'GET', '/api/session')).status).toBe(401);
    });
  });
}

/** Secrets of authenticator apps set up in these tests, by e-mail (the "phone"). */
const phones = new Map<string, string>();

/** Signs in with the fixture password and sets up an authenticator app. */
async function signInWithNewTotp(f: Fixture, email: string, now: () => Date): Promise<Session> {
  const step = await passwordStep(f, email, PASSWORD);
  const started = await call(f, step.session, 'POST', '/api/account/totp/start');
  phones.set(email, started.body.secret);
  const enrolled = await call(f, step.session, 'POST', '/api/account/totp', {
    code: await totpCode(started.body.secret, now()),
  });
  if (enrolled.status !== 200) throw new Error(`enrol ${email}: ${enrolled.status}`);
  return sessionFrom(enrolled);
}

/** Signs in again with a password and the app's code of the next 30 seconds (a code is accepted once). */
async function signInWithCode(f: Fixture, email: string, now: () => Date): Promise<Session> {
  const step = await passwordStep(f, email, PASSWORD);
  const finished = await call(f, step.session, 'POST', '/api/session/second-factor', {
    code: await totpCode(phones.get(email) as string, now()),
  });
  if (finished.status !== 200) throw new Error(`second factor ${email}: ${finished.status}`);
  return sessionFrom(finished);
}
