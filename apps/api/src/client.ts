import { hc } from 'hono/client';
import type { AppType } from './app.ts';

/**
 * A typed client for the web app: paths, request bodies and responses come from the routes'
 * own zod schemas, so a change to the API is a type error in the client.
 *
 * @example
 * const api = createApiClient('http://localhost:3000');
 * const res = await api.api.caseload.$get({ query: { from: '2026-11-22', to: '2027-02-20' } });
 */
export function createApiClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<AppType>(baseUrl, options);
}

export type ApiClient = ReturnType<typeof createApiClient>;
