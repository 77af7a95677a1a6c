import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env.ts';
import { errorBody } from './errors.ts';

/**
 * Control characters no person types: NUL (which PostgreSQL cannot store in text at all) and
 * the other C0 controls and DEL, apart from tab, line feed and carriage return. Text carrying
 * them is refused, never stored: they hide text on screen and break the formats we export.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this expression's whole job
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether a piece of text is free of control characters (tab and line breaks allowed). */
export function isPlainText(text: string): boolean {
  return !CONTROL_CHARACTER.test(text);
}

/** The path (`event.note`, `services.2`) of the first string in a JSON value holding a control character. */
export function controlCharacterAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isPlainText(value) ? null : path.join('.') || 'body';
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = controlCharacterAt(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isPlainText(key)) return [...path, 'key'].join('.');
      const found = controlCharacterAt(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * One rule for every text that arrives, whichever route takes it: query parameters and JSON
 * bodies with a control character are refused with 400 naming the field, before any route
 * sees them. (A malformed JSON body is left to the route's validator, which names it.)
 */
export const refuseControlCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!isPlainText(name) || values.some((value) => !isPlainText(value))) return refuse(c, name);
  }
  if ((c.req.header('content-type') ?? '').includes('json')) {
    const body: unknown = await c.req.json().catch(() => undefined);
    const field = controlCharacterAt(body);
    if (field !== null) return refuse(c, field);
  }
  await next();
};

function refuse(c: Parameters<MiddlewareHandler<AppEnv>>[0], field: string) {
  return c.json(errorBody('invalid', `${field}: must not contain control characters`, { field }), 400);
}

/** About a megabyte: the largest form or pack a person writes, with room to spare. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Imports (a directory feed, a caseload file) may be larger. */
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/** Refuses a body over `maxSize` bytes with 413 while it streams in, before anything parses it. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      c.json(
        errorBody(
          'too_large',
          `The request is larger than ${Math.round(maxSize / 1024 / 1024)} MB; send less at once.`,
        ),
        413,
      ),
  });
}
