import { AppError, Prisma } from '@pathways/db';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { AppEnv } from './app-env.ts';

/** The one place errors become HTTP responses: `{ error: { code, message, field?, currentVersion? } }`. */
const STATUS = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422 } as const;

/** Errors only the HTTP layer has: not signed in, too many attempts. */
export class HttpError extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
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

export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message), error.status);
  }
  if (error instanceof AppError) return c.json(errorBody(error.code, error.message, error.details), STATUS[error.code]);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return c.json(errorBody('invalid', `${field ?? 'input'}: ${issue?.message ?? 'is invalid'}`, { field }), 400);
  }
  if (error instanceof HTTPException) return c.json(errorBody(error.status === 401 ? 'unauthenticated' : 'http_error', error.message), error.status);
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const field = String((error.meta?.target as string[] | undefined)?.[0] ?? 'value');
    return c.json(errorBody('conflict', `${field}: is already in use`, { field }), 409);
  }
  c.get('services').logger.error('unhandled error', { error: error.message, stack: error.stack, path: c.req.path });
  return c.json(errorBody('internal', 'Something went wrong; nothing was changed. Please try again.'), 500);
}

/** A zod validation failure from a route's request schema, in the same shape. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context<AppEnv>) {
  if (!result.success && result.error instanceof ZodError) return handleError(result.error, c);
  return undefined;
}
