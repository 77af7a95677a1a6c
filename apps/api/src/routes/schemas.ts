import { z } from '@hono/zod-openapi';

/** Shared OpenAPI schemas for responses and parameters. */
export const ZError = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid' }),
      message: z.string().openapi({ example: 'date: must be a date written YYYY-MM-DD' }),
      field: z.string().optional(),
      currentVersion: z.number().int().optional(),
    }),
  })
  .openapi('Error');

export const ZIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) =>
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
          429: 'Too many attempts; retry later',
        }[status],
        content: { 'application/json': { schema: ZError } },
      },
    ]),
  );

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
