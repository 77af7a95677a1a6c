import { createApiClient } from '@pathways/api/client';
import type { ClientResponse } from 'hono/client';
import { activeLanguage } from '../i18n/chosen-language.ts';

/** An error the API answered with: status, code and the field it names (see docs/api.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly currentVersion?: number,
    /** From Retry-After, when the server says how long to wait (too many sign-ins, busy). */
    readonly retryAfterSeconds?: number,
    /** What is wrong, as a code the interface can put in the person's language. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict() {
    return this.status === 409;
  }
}

let csrfToken: string | null = null;

/** Remembered from the session so every write can send it as X-CSRF-Token. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** For the few requests the typed client cannot make (a raw NDJSON upload). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/**
 * Sends a file as the body of a POST (a local offer, a caseload CSV), which the typed client
 * cannot: the answer's JSON, or an ApiError with the API's own words.
 */
export async function uploadFile<T>(path: string, contentType: string, file: File): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': contentType, ...requestHeaders() },
    body: await file.text(),
  });
  const body = (await response.json()) as T & ErrorAnswer;
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.error?.code ?? 'unknown',
      body.error?.message ?? String(response.status),
      body.error?.field,
    );
  return body;
}

/** Every request: the CSRF token, and the interface's language for the rule packs' texts. */
function requestHeaders(): Record<string, string> {
  return { ...csrfHeaders(), 'Accept-Language': activeLanguage() };
}

/** The typed Hono client over the API's own route types; same origin, session cookie. */
export const api = createApiClient(window.location.origin, {
  headers: requestHeaders,
  init: { credentials: 'same-origin' },
});

/** The body of the response's success statuses only (its error bodies are thrown). */
type SuccessBody<R> =
  R extends ClientResponse<infer B, infer S, string> ? (S extends 200 | 201 | 202 | 204 ? B : never) : never;

export type ErrorAnswer = {
  error?: { code?: string; message?: string; field?: string; currentVersion?: number; reason?: string };
};

/**
 * Awaits a typed client call and gives its JSON, or throws an ApiError carrying the API's
 * own words (they name the field, or say why a pathway refused an event).
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  const response = await request;
  // 202 and 204 carry no body.
  if (response.ok)
    return (response.status === 204 || response.status === 202 ? undefined : await response.json()) as SuccessBody<R>;
  const body = (await response.json().catch(() => ({}))) as ErrorAnswer;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    body.error?.code ?? 'unknown',
    body.error?.message ?? `The server answered ${response.status}.`,
    body.error?.field,
    body.error?.currentVersion,
    retryAfter > 0 ? retryAfter : undefined,
    body.error?.reason,
  );
}
