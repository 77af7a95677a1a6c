import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit, inviteFamilyMember, listFamily, type FamilyMember } from '@pathways/db';
import type { Context } from 'hono';
import { recordOfRequest, STAFF_ROLES } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { accountLinkUrl, familyInvitationMail, sendAccountMail } from '../auth/account-mail.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

const ZFamilyMember = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['young_person', 'parent_carer']),
    relationship: z.string().nullable(),
    status: z.enum(['invited', 'active', 'deactivated']),
  })
  .openapi('FamilyMember');

const list = createRoute({
  method: 'get',
  path: '/{id}/family',
  operationId: 'listFamily',
  tags: ['Young people'],
  summary: 'The young person’s own account and their linked parents and carers (staff of the area)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: { params: ZIdParam },
  responses: { 200: json(z.object({ items: z.array(ZFamilyMember) }), 'Accounts'), ...errorResponses(401, 403, 404) },
});

const ZFamilyInvitation = z
  .object({
    role: z.enum(['young_person', 'parent_carer']),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    relationship: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'For a parent or carer: how they are related (mother, foster carer…)' }),
  })
  .strict()
  .openapi('FamilyInvitation');

const invite = createRoute({
  method: 'post',
  path: '/{id}/family',
  operationId: 'inviteFamilyMember',
  tags: ['Young people'],
  summary:
    'Invite the young person to their own plan, or a parent or carer to their child’s (staff of the area); a parent who already has an account is linked instead',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    params: ZIdParam,
    body: { content: { 'application/json': { schema: ZFamilyInvitation } }, required: true },
  },
  responses: {
    201: json(
      z.object({
        member: ZFamilyMember,
        emailed: z.boolean().openapi({ description: 'Whether the invitation e-mail went out' }),
        linkedExisting: z
          .boolean()
          .openapi({ description: 'An existing parent account was linked; no invitation needed' }),
      }),
      'Invited (or linked)',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** Mounted at `/api/young-people` (see app.ts). */
export const familyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { person, user, services } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    const family = await listFamily(services.db, person.id);
    await audit(
      services.db,
      { userId: user.id, role: user.role },
      { action: 'read', entityType: 'Family', entityId: person.id, youngPersonId: person.id },
    );
    return c.json({ items: family }, 200);
  })
  .openapi(invite, async (c) => {
    const { person, user, services } = await recordOfRequest(c, c.req.valid('param').id, 'change');
    const invitation = c.req.valid('json');
    const { member, token } = await inviteFamilyMember(
      services.db,
      { userId: user.id, role: user.role },
      person,
      invitation,
      services.now(),
    );
    const emailed =
      token !== null && (await emailFamilyInvitation(c, member, token, person.preferredName ?? person.givenName));
    return c.json({ member, emailed, linkedExisting: token === null }, 201);
  });

async function emailFamilyInvitation(c: Context<AppEnv>, member: FamilyMember, token: string, childName: string) {
  return sendAccountMail(
    c.get('services'),
    member,
    familyInvitationMail(
      member,
      accountLinkUrl(c, token),
      signedInUser(c).name,
      member.role === 'young_person' ? null : childName,
    ),
  );
}
