import { z } from '@hono/zod-openapi';

/** Shared OpenAPI schemas for responses and parameters. */
export const ZError = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid' }),
      message: z.string().openapi({ example: 'date: must be a date written YYYY-MM-DD' }),
      field: z.string().optional(),
      currentVersion: z.number().int().optional(),
      reason: z
        .string()
        .optional()
        .openapi({ description: 'What is wrong, as a code (a new password: too_short, common, …)' }),
    }),
  })
  .openapi('Error');

/** The largest whole number a PostgreSQL `integer` column holds (2³¹ − 1). */
export const INT32_MAX = 2_147_483_647;

/** A record version as the client read it: a positive 32-bit integer (larger cannot exist). */
export const ZVersionNumber = z.number().int().min(1).max(INT32_MAX);

/** A page number in a query string: from 1 up to a million (no list has more pages). */
export const ZPageNumber = z.coerce.number().int().min(1).max(1_000_000).default(1);

/** A web address a person can safely follow: http or https only (never `javascript:` or `data:`). */
export const ZWebAddress = z
  .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
  .max(2000);

export const ZIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503)[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: {
          400: 'Invalid input; the message names the field',
          401: 'Not signed in',
          403: 'Signed in, but this role may not do this (or the CSRF token is missing)',
          404: 'Not found, or not yours to see',
          409: 'Someone else changed it first; the current version is included',
          422: 'Not possible in the current state of the pathway; the message says why',
          413: 'The request body is too large',
          415: 'The file is not of a type we accept (judged by its content, not its name)',
          429: 'Too many attempts; retry after the seconds in Retry-After',
          503: 'Busy; retry after the seconds in Retry-After',
        }[status],
        content: { 'application/json': { schema: ZError } },
      },
    ]),
  );

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** An HL7 FHIR R4 Bundle as we export it (the full rules are FHIR's: http://hl7.org/fhir/R4/bundle.html). */
export const ZFhirBundle = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.enum(['collection', 'document']),
    identifier: z
      .object({ system: z.string(), value: z.string() })
      .optional()
      .openapi({ description: 'For a document: new for every version of it' }),
    timestamp: z.string(),
    entry: z.array(
      z.object({
        fullUrl: z.string().openapi({ example: 'urn:uuid:3f6c…' }),
        resource: z.object({ resourceType: z.string(), id: z.string() }).catchall(z.unknown()).openapi({
          description:
            'Composition, Patient, CarePlan, Goal, CareTeam, Organization, Practitioner or RelatedPerson (FHIR R4)',
        }),
      }),
    ),
  })
  .openapi('FhirBundle', {
    description: 'An HL7 FHIR R4 Bundle',
    externalDocs: { url: 'http://hl7.org/fhir/R4/bundle.html' },
  });

export type FhirBundle = z.infer<typeof ZFhirBundle>;

/** The media type FHIR answers are sent as. */
export const FHIR_JSON = { 'Content-Type': 'application/fhir+json; charset=utf-8' };

/** A FHIR answer: the Bundle, as application/fhir+json. */
export const fhirJson = (description: string) => ({
  description,
  content: { 'application/fhir+json': { schema: ZFhirBundle } },
});
