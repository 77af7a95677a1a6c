import { AppError, Prisma } from '@pathways/db';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { AppEnv } from './app-env.ts';
import { recordRefusal } from './security-events.ts';

/** The one place errors become HTTP responses: `{ error: { code, message, field?, currentVersion? } }`. */
const STATUS = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422 } as const;

/** Errors only the HTTP layer has: not signed in, too many attempts. */
export class HttpError extends Error {
  constructor(
    readonly status: 401 | 403 | 429 | 503,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

export async function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    if (error.status === 403) await recordRefusal(c, 403, error.code);
    return c.json(errorBody(error.code, error.message), error.status);
  }
  if (error instanceof AppError) {
    if (error.code === 'forbidden' || error.code === 'not_found')
      await recordRefusal(c, STATUS[error.code], error.code);
    return c.json(errorBody(error.code, error.message, error.details), STATUS[error.code]);
  }
  if (error instanceof ZodError) return invalidInput(error, c);
  if (error instanceof HTTPException)
    return c.json(errorBody(error.status === 401 ? 'unauthenticated' : 'http_error', error.message), error.status);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const refused = refusedByDatabase(error);
    if (refused)
      return c.json(
        errorBody(refused.code, refused.message, refused.field ? { field: refused.field } : {}),
        refused.status,
      );
  }
  c.get('services').logger.error('unhandled error', { error: error.message, stack: error.stack, path: c.req.path });
  return c.json(errorBody('internal', 'Something went wrong; nothing was changed. Please try again.'), 500);
}

/** A zod validation failure: 400 naming the first field that is wrong. */
function invalidInput(error: ZodError, c: Context<AppEnv>) {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  return c.json(errorBody('invalid', `${field ?? 'input'}: ${issue?.message ?? 'is invalid'}`, { field }), 400);
}

/** A zod validation failure from a route's request schema, in the same shape. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context<AppEnv>) {
  if (!result.success && result.error instanceof ZodError) return invalidInput(result.error, c);
  return undefined;
}

type DriverCause = {
  originalCode?: string;
  originalMessage?: string;
  constraint?: { fields?: string[]; index?: string };
};

/** The columns of a unique constraint the database named: from the driver's list, else from the constraint's name (Model_a_b_key). */
function uniqueFields(error: Prisma.PrismaClientKnownRequestError, cause: DriverCause): string[] {
  const listed = (error.meta?.target as string[] | undefined) ?? cause.constraint?.fields ?? [];
  if (listed.length > 0) return listed.map((field) => field.replaceAll('"', ''));
  const name = /constraint "([^"]+)"/.exec(cause.originalMessage ?? '')?.[1] ?? cause.constraint?.index ?? '';
  return name.split('_').slice(1, -1);
}

/**
 * A write the database refused because of what was sent, as a 4xx naming the field where the
 * database says which: a unique value already used (409), a reference to nothing (400), a value
 * out of the column's range (400). The routes validate first; this is the net under them, so
 * that no input ever becomes a 500.
 */
function refusedByDatabase(
  error: Prisma.PrismaClientKnownRequestError,
): { status: 400 | 409; code: string; message: string; field?: string } | null {
  const cause = (error.meta?.driverAdapterError as { cause?: DriverCause } | undefined)?.cause ?? {};
  if (error.code === 'P2002') {
    // A young person's NHS number is unique within their area: the field is the number, not the area.
    const fields = uniqueFields(error, cause);
    const field = fields.filter((name) => name !== 'areaId').at(-1) ?? fields[0] ?? 'value';
    return { status: 409, code: 'conflict', message: `${field}: is already in use`, field };
  }
  if (error.code === 'P2003') {
    // Constraint names are Model_field_fkey.
    const field = cause.constraint?.index?.split('_').slice(1, -1).join('_') || undefined;
    return {
      status: 400,
      code: 'invalid',
      message: `${field ?? 'input'}: refers to something that does not exist`,
      field,
    };
  }
  // SQLSTATE class 22: data exception (out of range, bad encoding, bad date).
  if (['P2000', 'P2007', 'P2020', 'P2033'].includes(error.code) || cause.originalCode?.startsWith('22')) {
    return { status: 400, code: 'invalid', message: 'input: a value is too long, out of range or not allowed' };
  }
  return null;
}
