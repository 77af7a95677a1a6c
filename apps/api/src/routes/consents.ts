import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  getConsent,
  giveConsent,
  isoDay,
  listConsents,
  withdrawConsent,
  type ConsentWithAgency,
  type YoungPerson,
  type SessionUser,
} from '@pathways/db';
import { ageInYears } from '@pathways/engine';
import { canChangeYoungPerson, recordOfRequest } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { FAMILY_ACCESS, SHARING_SCOPES } from '../sharing.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

/**
 * Consent and sharing: which agencies may see which parts of a plan, and whether the family
 * may see it from 16, with who agreed and when. The young person decides from 16 (capacity
 * presumed, Mental Capacity Act 2005 s.1(2)); a parent or carer before. Staff of the area may
 * record an agreement given to them, or a best-interests decision for a young person of 16 or
 * more who may lack capacity to make it (MCA s.4). Withdrawing takes effect at once.
 */
const SCOPES = [...SHARING_SCOPES, FAMILY_ACCESS] as const;

const ZConsent = z
  .object({
    id: z.string(),
    scope: z.enum(SCOPES),
    agencyId: z.string().nullable().openapi({ description: 'Null: every agency working with them' }),
    agencyName: z.string().nullable(),
    givenByRole: z.string().openapi({ description: 'young_person, parent_carer or best_interests' }),
    givenAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .openapi('Consent');

const present = (consent: ConsentWithAgency) => ({
  id: consent.id,
  scope: consent.scope as (typeof SCOPES)[number],
  agencyId: consent.agencyId,
  agencyName: consent.agencyName,
  givenByRole: consent.givenByRole,
  givenAt: consent.givenAt.toISOString(),
  withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
});

/** Who decides about a young person's sharing today: themselves from 16, a parent or carer before. */
export function decidesFor(person: YoungPerson, day: string): 'young_person' | 'parent_carer' {
  return ageInYears(isoDay(person.dateOfBirth), person.jurisdiction, day) >= 16 ? 'young_person' : 'parent_carer';
}

/**
 * Refuses a best-interests decision (Mental Capacity Act 2005 s.4) unless the area's staff record
 * it for a young person of 16 or more who may lack capacity: for an agreement to share as for a
 * referral. `fields` are what each refusal names (the request's own field).
 */
export function requireBestInterestsMayBeRecorded(
  user: SessionUser,
  person: YoungPerson,
  day: string,
  fields: { forbidden?: string; unprocessable: string },
): void {
  if (!canChangeYoungPerson(user, person))
    throw new AppError(
      'forbidden',
      'Only staff of the young person’s area can record a best-interests decision.',
      fields.forbidden ? { field: fields.forbidden } : undefined,
    );
  if (decidesFor(person, day) !== 'young_person' || !person.mayLackCapacity)
    throw new AppError(
      'unprocessable',
      'A best-interests decision is only for a young person of 16 or more who may lack capacity to decide this.',
      { field: fields.unprocessable },
    );
}

/**
 * The role an agreement is recorded under when this user gives or withdraws it, or a refusal
 * that says who decides instead.
 */
function recordedAs(user: SessionUser, person: YoungPerson, day: string, basis: 'agreed' | 'best_interests'): string {
  if (basis === 'best_interests') {
    requireBestInterestsMayBeRecorded(user, person, day, { unprocessable: 'basis' });
    return 'best_interests';
  }
  const decider = decidesFor(person, day);
  if (canChangeYoungPerson(user, person)) return decider;
  if (user.role === decider) return decider;
  throw new AppError(
    'forbidden',
    decider === 'young_person'
      ? 'From 16 the young person decides who may see their plan.'
      : 'Until they are 16 a parent or carer decides who may see the plan.',
  );
}

const list = createRoute({
  method: 'get',
  path: '/{id}/consents',
  operationId: 'listConsents',
  tags: ['Consent and sharing'],
  summary:
    'Who may see which parts of the plan: agreements given and withdrawn (staff of the area, the young person, a parent or carer who may see the plan)',
  middleware: [requireRole('transition_worker', 'team_manager', 'young_person', 'parent_carer')] as const,
  request: { params: ZIdParam },
  responses: {
    200: json(
      z.object({ decidedBy: z.enum(['young_person', 'parent_carer']), items: z.array(ZConsent) }),
      'Agreements, newest first',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const give = createRoute({
  method: 'post',
  path: '/{id}/consents',
  operationId: 'giveConsent',
  tags: ['Consent and sharing'],
  summary: 'Agree to share a part of the plan with an agency (or all agencies), or family access from 16',
  middleware: [requireRole('transition_worker', 'team_manager', 'young_person', 'parent_carer')] as const,
  request: {
    params: ZIdParam,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              scope: z.enum(SCOPES),
              agencyId: z
                .uuid()
                .nullable()
                .default(null)
                .openapi({ description: 'Null or left out: every agency working with them' }),
              basis: z.enum(['agreed', 'best_interests']).default('agreed'),
            })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(ZConsent, 'Recorded'),
    200: json(ZConsent, 'Already agreed'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const withdraw = createRoute({
  method: 'post',
  path: '/{consentId}/withdraw',
  operationId: 'withdrawConsent',
  tags: ['Consent and sharing'],
  summary: 'Withdraw an agreement: it stops at once',
  middleware: [requireRole('transition_worker', 'team_manager', 'young_person', 'parent_carer')] as const,
  request: { params: z.object({ consentId: z.uuid().openapi({ param: { name: 'consentId', in: 'path' } }) }) },
  responses: { 200: json(ZConsent, 'Withdrawn'), ...errorResponses(401, 403, 404, 422) },
});

/** Mounted at `/api/consents` (see app.ts). */
export const consentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(withdraw, async (c) => {
  const consent = await getConsent(c.get('services').db, c.req.valid('param').consentId);
  const { person, user, services, day } = await recordOfRequest(c, consent.youngPersonId);
  const { db } = services;
  recordedAs(user, person, day, consent.givenByRole === 'best_interests' ? 'best_interests' : 'agreed');
  const withdrawn = await withdrawConsent({
    db,
    actor: { userId: user.id, role: user.role },
    consent,
    now: c.get('services').now(),
  });
  return c.json(present(withdrawn), 200);
});

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonConsentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { person, user, services, day } = await recordOfRequest(c, c.req.valid('param').id);
    const { db } = services;
    const consents = await listConsents({ db, actor: { userId: user.id, role: user.role }, youngPersonId: person.id });
    return c.json({ decidedBy: decidesFor(person, day), items: consents.map(present) }, 200);
  })
  .openapi(give, async (c) => {
    const { person, user, services, day } = await recordOfRequest(c, c.req.valid('param').id);
    const { db } = services;
    const { scope, agencyId, basis } = c.req.valid('json');
    if (scope === FAMILY_ACCESS && agencyId)
      throw new AppError('invalid', 'agencyId: family access is not for an agency', { field: 'agencyId' });
    if (scope === FAMILY_ACCESS && decidesFor(person, day) !== 'young_person')
      throw new AppError('unprocessable', 'Family access needs no agreement until the young person is 16.', {
        field: 'scope',
      });
    const givenByRole = recordedAs(user, person, day, basis);
    const given = await giveConsent({
      db,
      actor: { userId: user.id, role: user.role },
      person,
      scope,
      agencyId,
      givenByRole,
      now: c.get('services').now(),
    });
    return given.created ? c.json(present(given.consent), 201) : c.json(present(given.consent), 200);
  });
