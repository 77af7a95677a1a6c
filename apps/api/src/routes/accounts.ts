import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  areaSignOn,
  changeAccount,
  endAllSessions,
  getAccount,
  INVITABLE_ROLES,
  inviteAccount,
  listAccounts,
  listSessions,
  newAccountLink,
  saveAreaSignOn,
  setAccountActive,
  type AccountSummary,
  type AdministeredArea,
} from '@pathways/db';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { accountLinkUrl, invitationMail, sendAccountMail } from '../auth/account-mail.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { callbackUrl } from '../auth/single-sign-on.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

const ZAccount = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(INVITABLE_ROLES),
    areaId: z.string().nullable(),
    areaName: z.string().nullable(),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
    status: z.enum(['invited', 'active', 'deactivated']),
    twoFactor: z.boolean(),
    passkeys: z.number().int(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Account');

const ZInvitation = z
  .object({
    email: z.email().max(200),
    name: z.string().trim().min(1).max(120),
    role: z.enum(INVITABLE_ROLES),
    areaId: z.uuid().nullable(),
    agencyId: z.uuid().nullable().default(null),
  })
  .openapi('Invitation');

const ZSignOnSettings = z
  .object({
    issuer: z.url({ protocol: /^https?$/ }).max(500),
    clientId: z.string().trim().min(1).max(300),
    /** Left out (or null) keeps the secret already saved. */
    clientSecret: z.string().min(1).max(500).nullable().default(null),
    emailClaim: z.enum(['email', 'preferred_username', 'upn']).default('email'),
    enabled: z.boolean(),
  })
  .openapi('SignOnSettings');

const admin = requireRole('administrator');

const list = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'get',
  path: '/',
  operationId: 'listAccounts',
  summary: 'Staff accounts of the areas you administer, with their last sign-in',
  responses: { 200: json(z.object({ items: z.array(ZAccount) }), 'Accounts'), ...errorResponses(401, 403) },
});
const invite = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'post',
  path: '/',
  operationId: 'inviteAccount',
  summary: 'Invite a person by e-mail: a single-use link that expires in 7 days',
  request: { body: { content: { 'application/json': { schema: ZInvitation } }, required: true } },
  responses: {
    201: json(z.object({ account: ZAccount, emailed: z.boolean() }), 'Invited'),
    ...errorResponses(400, 401, 403, 409),
  },
});
const one = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'get',
  path: '/{id}',
  operationId: 'getAccount',
  summary: 'One account',
  request: { params: ZIdParam },
  responses: { 200: json(ZAccount, 'The account'), ...errorResponses(400, 401, 403, 404) },
});
const change = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'patch',
  path: '/{id}',
  operationId: 'changeAccount',
  summary: "Change an account's role (and agency); a changed role signs the person out",
  request: {
    params: ZIdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ role: z.enum(INVITABLE_ROLES), agencyId: z.uuid().nullable().default(null) }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ZAccount, 'Changed'), ...errorResponses(400, 401, 403, 404) },
});
const deactivate = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'post',
  path: '/{id}/deactivate',
  operationId: 'deactivateAccount',
  summary: 'Deactivate an account: its sessions end at once',
  request: { params: ZIdParam },
  responses: { 200: json(ZAccount, 'Deactivated'), ...errorResponses(400, 401, 403, 404) },
});
const reactivate = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'post',
  path: '/{id}/reactivate',
  operationId: 'reactivateAccount',
  summary: 'Reactivate an account',
  request: { params: ZIdParam },
  responses: { 200: json(ZAccount, 'Reactivated'), ...errorResponses(400, 401, 403, 404) },
});
const reinvite = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'post',
  path: '/{id}/invitation',
  operationId: 'resendInvitation',
  summary: 'Send a new invitation link (the earlier one stops working)',
  request: { params: ZIdParam },
  responses: { 200: json(z.object({ emailed: z.boolean() }), 'Sent'), ...errorResponses(400, 401, 403, 404) },
});
const sessionsOf = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'get',
  path: '/{id}/sessions',
  operationId: 'listAccountSessions',
  summary: 'Where an account is signed in',
  request: { params: ZIdParam },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            method: z.string(),
            userAgent: z.string().nullable(),
            createdAt: z.string(),
            lastSeenAt: z.string(),
          }),
        ),
      }),
      'Sessions',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});
const endSessionsOf = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'delete',
  path: '/{id}/sessions',
  operationId: 'endAccountSessions',
  summary: 'Sign an account out everywhere',
  request: { params: ZIdParam },
  responses: { 200: json(z.object({ ended: z.number().int() }), 'Ended'), ...errorResponses(400, 401, 403, 404) },
});
const ZAreaParam = z.object({ areaId: z.uuid().openapi({ param: { name: 'areaId', in: 'path' } }) });
const signOnOf = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'get',
  path: '/{areaId}',
  operationId: 'getSignOnSettings',
  summary: "An area's single sign-on (the client secret is never shown back)",
  request: { params: ZAreaParam },
  responses: {
    200: json(
      z.object({
        settings: ZSignOnSettings.omit({ clientSecret: true }).extend({ hasClientSecret: z.boolean() }).nullable(),
        redirectUri: z.string().openapi({ description: 'What to register with the provider as the redirect URI' }),
      }),
      'Settings',
    ),
    ...errorResponses(400, 401, 403),
  },
});
const saveSignOn = createRoute({
  tags: ['Accounts'],
  middleware: admin,
  method: 'put',
  path: '/{areaId}',
  operationId: 'saveSignOnSettings',
  summary: "Set an area's single sign-on through its OpenID Connect provider",
  request: {
    params: ZAreaParam,
    body: { content: { 'application/json': { schema: ZSignOnSettings } }, required: true },
  },
  responses: { 204: { description: 'Saved' }, ...errorResponses(400, 401, 403) },
});

/** The area the signed-in administrator manages (null: the installation's, every area). */
const administered = (c: Context<AppEnv>): AdministeredArea => signedInUser(c).areaId;
const actorOf = (c: Context<AppEnv>) => ({ userId: signedInUser(c).id, role: 'administrator' });
const shown = (account: AccountSummary) => ({
  ...account,
  role: account.role as z.infer<typeof ZAccount>['role'],
  lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
  createdAt: account.createdAt.toISOString(),
});

function checkAreaAdministered(c: Context<AppEnv>, areaId: string) {
  const area = administered(c);
  if (area !== null && area !== areaId)
    throw new AppError('forbidden', 'You can only manage your own area.', { field: 'areaId' });
}

async function emailInvitation(c: Context<AppEnv>, account: { email: string; name: string }, token: string) {
  return sendAccountMail(
    c.get('services'),
    { email: account.email, name: account.name },
    invitationMail(account, accountLinkUrl(c, token), signedInUser(c).name),
  );
}

/** Mounted at `/api/accounts` (see app.ts): an area's administrator manages its staff accounts. */
export const accountRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const accounts = await listAccounts(c.get('services').db, administered(c));
    return c.json({ items: accounts.map(shown) }, 200);
  })
  .openapi(invite, async (c) => {
    const { db, now } = c.get('services');
    const { account, token } = await inviteAccount(db, actorOf(c), administered(c), c.req.valid('json'), now());
    return c.json({ account: shown(account), emailed: await emailInvitation(c, account, token) }, 201);
  })
  .openapi(one, async (c) =>
    c.json(shown(await getAccount(c.get('services').db, administered(c), c.req.valid('param').id)), 200),
  )
  .openapi(change, async (c) => {
    const account = await changeAccount(
      c.get('services').db,
      actorOf(c),
      administered(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(shown(account), 200);
  })
  .openapi(deactivate, async (c) => {
    const { db, now } = c.get('services');
    return c.json(
      shown(await setAccountActive(db, actorOf(c), administered(c), c.req.valid('param').id, false, now())),
      200,
    );
  })
  .openapi(reactivate, async (c) => {
    const { db, now } = c.get('services');
    return c.json(
      shown(await setAccountActive(db, actorOf(c), administered(c), c.req.valid('param').id, true, now())),
      200,
    );
  })
  .openapi(reinvite, async (c) => {
    const { db, now } = c.get('services');
    const account = await getAccount(db, administered(c), c.req.valid('param').id);
    if (account.status !== 'invited')
      throw new AppError(
        'invalid',
        'This person has already set up their account: they can reset their password themselves.',
        {
          field: 'id',
        },
      );
    const token = await newAccountLink(db, actorOf(c), account.id, 'invitation', now());
    return c.json({ emailed: await emailInvitation(c, account, token) }, 200);
  })
  .openapi(sessionsOf, async (c) => {
    const { db } = c.get('services');
    const account = await getAccount(db, administered(c), c.req.valid('param').id);
    const items = await listSessions(db, account.id, null);
    return c.json(
      {
        items: items.map(({ current: _current, ...item }) => ({
          ...item,
          createdAt: item.createdAt.toISOString(),
          lastSeenAt: item.lastSeenAt.toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(endSessionsOf, async (c) => {
    const { db } = c.get('services');
    const account = await getAccount(db, administered(c), c.req.valid('param').id);
    return c.json({ ended: await endAllSessions(db, actorOf(c), account.id) }, 200);
  });

/** Mounted at `/api/sign-on-settings` (see app.ts): an area's single sign-on, for its administrators. */
export const signOnSettingsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(signOnOf, async (c) => {
    const { areaId } = c.req.valid('param');
    checkAreaAdministered(c, areaId);
    const settings = await areaSignOn(c.get('services').db, areaId);
    return c.json(
      {
        settings: settings
          ? {
              issuer: settings.issuer,
              clientId: settings.clientId,
              emailClaim: settings.emailClaim as 'email',
              enabled: settings.enabled,
              hasClientSecret: settings.clientSecret !== '',
            }
          : null,
        redirectUri: callbackUrl(c),
      },
      200,
    );
  })
  .openapi(saveSignOn, async (c) => {
    const { areaId } = c.req.valid('param');
    checkAreaAdministered(c, areaId);
    const { db } = c.get('services');
    const settings = c.req.valid('json');
    await saveAreaSignOn(db, actorOf(c), areaId, settings);
    return c.body(null, 204);
  });
