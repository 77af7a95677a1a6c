import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  completeSession,
  disableTotp,
  enableTotp,
  endAllSessions,
  endSessionById,
  listSessions,
  newRecoveryCodes,
  removePasskey,
  securityOverview,
  startTotpSetUp,
  totpSecrets,
} from '@pathways/db';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { accountHolder, requireAccountHolder } from '../auth/middleware.ts';
import { registerPasskey, registrationOptions } from '../auth/passkeys.ts';
import { mustUseSecondFactor } from '../auth/second-factor-policy.ts';
import { adoptSession } from '../auth/session-cookie.ts';
import { newRecoveryCodeList, newTotpSecret, totpEnrolment, verifyTotp } from '../auth/totp.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';
import { ZSession, ZWebAuthnResponse } from './session.ts';

const ZSecurity = z
  .object({
    secondFactorRequired: z.boolean(),
    hasPassword: z.boolean(),
    totp: z.boolean(),
    recoveryCodesLeft: z.number().int(),
    passkeys: z.array(
      z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }),
    ),
  })
  .openapi('AccountSecurity');

const ZSessionItem = z
  .object({
    id: z.string(),
    method: z.enum(['password', 'passkey', 'single_sign_on']),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
  })
  .openapi('SessionListing');

/** What finishing a set-up answers: during enrolment, the new (complete) session too. */
const ZEnrolled = z.object({ recoveryCodes: z.array(z.string()).optional(), session: ZSession.nullable() });

const overview = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'get',
  path: '/security',
  operationId: 'getAccountSecurity',
  summary: 'Your own sign-in methods: password, authenticator app, recovery codes, passkeys',
  responses: { 200: json(ZSecurity, 'Your sign-in methods'), ...errorResponses(401) },
});
const startTotp = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'post',
  path: '/totp/start',
  operationId: 'startTotp',
  summary: 'Begin setting up an authenticator app: the secret, as a QR code and as text',
  responses: {
    200: json(z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }), 'Scan this'),
    ...errorResponses(401, 403),
  },
});
const confirmTotp = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'post',
  path: '/totp',
  operationId: 'confirmTotp',
  summary: 'Finish setting up the authenticator app with a code it shows; answers with ten recovery codes, shown once',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ code: z.string().trim().min(6).max(10) }) } },
      required: true,
    },
  },
  responses: { 200: json(ZEnrolled, 'Two-factor sign-in is on'), ...errorResponses(400, 401, 403) },
});
const removeTotp = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'delete',
  path: '/totp',
  operationId: 'removeTotp',
  summary: 'Turn the authenticator app off (staff keep at least one second factor)',
  responses: { 204: { description: 'Off' }, ...errorResponses(400, 401, 403) },
});
const replaceCodes = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'post',
  path: '/recovery-codes',
  operationId: 'replaceRecoveryCodes',
  summary: 'New recovery codes (the old ones stop working)',
  responses: {
    200: json(z.object({ recoveryCodes: z.array(z.string()) }), 'Shown once'),
    ...errorResponses(400, 401, 403),
  },
});
const passkeyOptions = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'post',
  path: '/passkeys/options',
  operationId: 'passkeyRegistrationOptions',
  summary: 'Begin adding a passkey: the WebAuthn options for the browser',
  responses: {
    200: json(z.record(z.string(), z.unknown()), 'PublicKeyCredentialCreationOptionsJSON'),
    ...errorResponses(401, 403),
  },
});
const addPasskey = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'post',
  path: '/passkeys',
  operationId: 'addPasskey',
  summary: 'Keep the passkey the browser made',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ name: z.string().trim().min(1).max(60), response: ZWebAuthnResponse }),
        },
      },
      required: true,
    },
  },
  responses: { 201: json(ZEnrolled, 'Added'), ...errorResponses(400, 401, 403) },
});
const deletePasskey = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'delete',
  path: '/passkeys/{passkeyId}',
  operationId: 'removePasskey',
  summary: 'Remove one of your passkeys (staff keep at least one second factor)',
  request: { params: z.object({ passkeyId: z.string().min(1).max(1400) }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404) },
});
const sessions = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'get',
  path: '/sessions',
  operationId: 'listOwnSessions',
  summary: 'Where you are signed in',
  responses: { 200: json(z.object({ items: z.array(ZSessionItem) }), 'Your sessions'), ...errorResponses(401) },
});
const endOne = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'delete',
  path: '/sessions/{sessionId}',
  operationId: 'endOwnSession',
  summary: 'Sign out one of your sessions',
  request: { params: z.object({ sessionId: z.uuid() }) },
  responses: { 204: { description: 'Ended' }, ...errorResponses(400, 401, 403, 404) },
});
const endOthers = createRoute({
  tags: ['Account security'],
  middleware: requireAccountHolder,
  method: 'delete',
  path: '/sessions',
  operationId: 'endOtherSessions',
  summary: 'Sign out everywhere else',
  responses: { 200: json(z.object({ ended: z.number().int() }), 'Ended'), ...errorResponses(401, 403) },
});

const actorOf = (user: { id: string; role: string }) => ({ userId: user.id, role: user.role });

/** A set-up that finished an enrolment signs the person in: the waiting session becomes a full one. */
async function sessionAfterEnrolment(c: Context<AppEnv>) {
  const token = c.get('sessionToken');
  if (c.get('pending')?.stage !== 'enrol' || !token) return null;
  const { db, now } = c.get('services');
  const session = await completeSession(db, token, now(), c.req.header('user-agent') ?? null);
  if (!session) return null;
  return adoptSession(c, session);
}

/** Staff may not take away their last second factor. */
async function keepsASecondFactor(
  c: Context<AppEnv>,
  user: { id: string; role: string },
  removing: 'totp' | 'passkey',
) {
  if (!mustUseSecondFactor(c.get('services'), user.role)) return;
  const security = await securityOverview(c.get('services').db, user.id);
  const left =
    (security.totp && removing !== 'totp' ? 1 : 0) + security.passkeys.length - (removing === 'passkey' ? 1 : 0);
  if (left < 1)
    throw new AppError(
      'invalid',
      'You need at least one way to confirm it is you: add another before removing this one.',
      {
        field: removing,
      },
    );
}

/** Mounted at `/api/account` (see app.ts): the signed-in person's own sign-in methods and sessions. */
export const accountSecurityRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(overview, async (c) => {
    const user = accountHolder(c, true);
    const security = await securityOverview(c.get('services').db, user.id);
    return c.json(
      {
        ...security,
        secondFactorRequired: mustUseSecondFactor(c.get('services'), user.role),
        passkeys: security.passkeys.map((passkey) => ({
          ...passkey,
          createdAt: passkey.createdAt.toISOString(),
          lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  })
  .openapi(startTotp, async (c) => {
    const user = accountHolder(c, true);
    const secret = newTotpSecret();
    await startTotpSetUp(c.get('services').db, user.id, secret);
    return c.json({ secret, ...(await totpEnrolment(secret, user.email)) }, 200);
  })
  .openapi(confirmTotp, async (c) => {
    const user = accountHolder(c, true);
    const { db, now } = c.get('services');
    const { pending } = await totpSecrets(db, user.id);
    if (!pending) throw new AppError('invalid', 'Start setting up the app again.', { field: 'code' });
    const step = await verifyTotp(pending, c.req.valid('json').code, now());
    if (step === null)
      throw new AppError('invalid', 'That code is not right. Enter the 6-digit code your app shows now.', {
        field: 'code',
      });
    const recoveryCodes = newRecoveryCodeList();
    if (!(await enableTotp(db, actorOf(user), step, recoveryCodes)))
      throw new AppError('invalid', 'Start setting up the app again.', { field: 'code' });
    return c.json({ recoveryCodes, session: await sessionAfterEnrolment(c) }, 200);
  })
  .openapi(removeTotp, async (c) => {
    const user = accountHolder(c);
    await keepsASecondFactor(c, user, 'totp');
    await disableTotp(c.get('services').db, actorOf(user));
    return c.body(null, 204);
  })
  .openapi(replaceCodes, async (c) => {
    const user = accountHolder(c);
    const { db } = c.get('services');
    if (!(await securityOverview(db, user.id)).totp)
      throw new AppError('invalid', 'Recovery codes come with an authenticator app: set one up first.', {
        field: 'totp',
      });
    const recoveryCodes = newRecoveryCodeList();
    await newRecoveryCodes(db, actorOf(user), recoveryCodes);
    return c.json({ recoveryCodes }, 200);
  })
  .openapi(passkeyOptions, async (c) => c.json(await registrationOptions(c, accountHolder(c, true)), 200))
  .openapi(addPasskey, async (c) => {
    const user = accountHolder(c, true);
    const { name, response } = c.req.valid('json');
    if (!(await registerPasskey(c, user, response as never, name)))
      throw new AppError('invalid', 'The passkey could not be checked. Try adding it again.', { field: 'response' });
    return c.json({ session: await sessionAfterEnrolment(c) }, 201);
  })
  .openapi(deletePasskey, async (c) => {
    const user = accountHolder(c);
    await keepsASecondFactor(c, user, 'passkey');
    if (!(await removePasskey(c.get('services').db, actorOf(user), c.req.valid('param').passkeyId)))
      throw new AppError('not_found', 'You have no such passkey.');
    return c.body(null, 204);
  })
  .openapi(sessions, async (c) => {
    const user = accountHolder(c);
    const items = await listSessions(c.get('services').db, user.id, c.get('sessionToken'));
    return c.json(
      {
        items: items.map((item) => ({
          ...item,
          method: item.method as z.infer<typeof ZSessionItem>['method'],
          createdAt: item.createdAt.toISOString(),
          lastSeenAt: item.lastSeenAt.toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(endOne, async (c) => {
    const user = accountHolder(c);
    if (!(await endSessionById(c.get('services').db, actorOf(user), user.id, c.req.valid('param').sessionId)))
      throw new AppError('not_found', 'You have no such session.');
    return c.body(null, 204);
  })
  .openapi(endOthers, async (c) => {
    const user = accountHolder(c);
    return c.json(
      { ended: await endAllSessions(c.get('services').db, actorOf(user), user.id, c.get('sessionToken')) },
      200,
    );
  });
