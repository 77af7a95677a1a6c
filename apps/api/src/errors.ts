import { AppError, refusedByDatabase } from '@pathways/db';
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
    readonly status: 401 | 403 | 413 | 415 | 429 | 503,
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
  const refused = refusedByDatabase(error);
  if (refused) return c.json(errorBody(refused.code, refused.message, refused.details), STATUS[refused.code]);
  c.get('services').logger.error('unhandled error', { error: error.message, stack: error.stack, path: c.req.path });
  return c.json(errorBody('internal', 'Something went wrong; nothing was changed. Please try again.'), 500);
}

/** A zod validation failure: 400 naming the first field that is wrong (for a field we do not take, that field). */
function invalidInput(error: ZodError, c: Context<AppEnv>) {
  const issue = error.issues[0];
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : (issue?.path ?? []);
  const field = path.join('.') || undefined;
  return c.json(errorBody('invalid', `${field ?? 'input'}: ${issue?.message ?? 'is invalid'}`, { field }), 400);
}

/** A zod validation failure from a route's request schema, in the same shape. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context<AppEnv>) {
  if (!result.success && result.error instanceof ZodError) return invalidInput(result.error, c);
  return undefined;
}
