import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  areaSignOn,
  findAccountByEmail,
  findAccountLink,
  newAccountLink,
  reserveAttempt,
  setPasswordByLink,
} from '@pathways/db';
import type { AppEnv } from '../app-env.ts';
import { accountLinkUrl, passwordChangedMail, resetMail, sendAccountMail } from '../auth/account-mail.ts';
import { checkNewPassword, PASSWORD_MAX_LENGTH } from '../auth/password-policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

const ZToken = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[\w-]+$/, 'is not a link token');

const lookUp = createRoute({
  method: 'post',
  path: '/account-links/look-up',
  operationId: 'lookUpAccountLink',
  tags: ['Accounts'],
  summary: 'What an e-mailed link is for (an invitation or a password reset), while it is still good',
  request: { body: { content: { 'application/json': { schema: z.object({ token: ZToken }) } }, required: true } },
  responses: {
    200: json(
      z.object({
        purpose: z.enum(['invitation', 'password_reset']),
        email: z.string(),
        name: z.string(),
        signOnAreaId: z
          .string()
          .nullable()
          .openapi({ description: 'The area whose single sign-on the person may use instead' }),
      }),
      'The link is good',
    ),
    ...errorResponses(400, 404),
  },
});

const use = createRoute({
  method: 'post',
  path: '/account-links/use',
  operationId: 'setPasswordByLink',
  tags: ['Accounts'],
  summary: 'Set a password with an e-mailed link (once); every session of the account ends',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            token: ZToken,
            password: z
              .string()
              .min(1)
              .max(PASSWORD_MAX_LENGTH * 4),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ email: z.string() }), 'Password set: sign in with it'),
    ...errorResponses(400, 404),
  },
});

const forgotten = createRoute({
  method: 'post',
  path: '/password-reset',
  operationId: 'requestPasswordReset',
  tags: ['Accounts'],
  summary: 'E-mail a password reset link (the answer is the same whether or not the address has an account)',
  request: {
    body: { content: { 'application/json': { schema: z.object({ email: z.email().max(200) }) } }, required: true },
  },
  responses: { 202: { description: 'If the address has an account, a link is on its way' }, ...errorResponses(400) },
});

const GONE = 'This link has expired or has already been used. Ask for a new one.';

/** Mounted at `/api` (see app.ts): the pages a person reaches from an e-mail, before they can sign in. */
export const accountLinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(lookUp, async (c) => {
    const { db, now } = c.get('services');
    const link = await findAccountLink(db, c.req.valid('json').token, now());
    if (!link) throw new AppError('not_found', GONE, { field: 'token' });
    const { areaId } = link.user;
    const signOn = areaId ? await areaSignOn(db, areaId) : null;
    return c.json(
      {
        purpose: link.purpose,
        email: link.user.email,
        name: link.user.name,
        signOnAreaId: signOn?.enabled && link.purpose === 'invitation' ? areaId : null,
      },
      200,
    );
  })
  .openapi(use, async (c) => {
    const services = c.get('services');
    const { db, now } = services;
    const { token, password } = c.req.valid('json');
    const link = await findAccountLink(db, token, now());
    if (!link) throw new AppError('not_found', GONE, { field: 'token' });
    checkNewPassword(password, link.user);
    const changed = await setPasswordByLink(db, token, await hashPassword(password), now());
    if (!changed) throw new AppError('not_found', GONE, { field: 'token' });
    if (changed.purpose === 'password_reset') await sendAccountMail(services, changed, passwordChangedMail(changed));
    return c.json({ email: changed.email }, 200);
  })
  .openapi(forgotten, async (c) => {
    const services = c.get('services');
    const { db, now } = services;
    const email = c.req.valid('json').email.toLowerCase();
    // A few links an hour at most, so nobody can fill a person's inbox from here.
    const reservation = await reserveAttempt(db, `reset:${email}`, 3, now());
    const account = reservation.allowed ? await findAccountByEmail(db, email) : null;
    if (account && !account.disabledAt) {
      const token = await newAccountLink(db, { userId: null, role: 'system' }, account.id, 'password_reset', now());
      await sendAccountMail(
        services,
        { email: account.email, name: account.name },
        resetMail(account, accountLinkUrl(c, token)),
      );
    }
    return c.body(null, 202);
  });
