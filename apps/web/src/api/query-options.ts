import type { InferResponseType } from 'hono/client';
import { api, setCsrfToken, unwrap } from './http.ts';

type SessionAnswer = InferResponseType<typeof api.api.session.$get, 200>;
/**
 * The person at this browser, and how far their sign-in has got: `complete`, or waiting for
 * a second factor, or (staff) for them to set one up.
 */
export type SessionUser = SessionAnswer['user'] & { stage: SessionAnswer['stage'] };

/** The session as the app keeps it, from any answer that carries one. */
export function sessionUserOf(session: SessionAnswer): SessionUser {
  setCsrfToken(session.csrfToken);
  return { ...session.user, stage: session.stage };
}

/**
 * Queries the app asks for before React has started (first-requests.ts) as well as from its
 * hooks (queries.ts): the same key and function from one place, so the hooks find the early
 * answers in the cache. No React here, so the early requests do not wait for it.
 */
export const sessionQuery = {
  queryKey: ['session'] as const,
  queryFn: async (): Promise<SessionUser | null> => {
    const response = await api.api.session.$get();
    if ((response.status as number) === 401) {
      setCsrfToken(null);
      return null;
    }
    return sessionUserOf(await unwrap(Promise.resolve(response)));
  },
  staleTime: Infinity,
};

/** `status: 'missed'` asks for missed milestones, which the usual caseload (live work) leaves out. */
export type CaseloadFilter = { from: string; to: string; worker?: 'me' | undefined; status?: 'missed' | undefined };

export const caseloadQuery = (filter: CaseloadFilter) => ({
  queryKey: ['caseload', filter] as const,
  queryFn: () =>
    unwrap(
      api.api.caseload.$get({
        query: {
          from: filter.from,
          to: filter.to,
          ...(filter.worker ? { worker: filter.worker } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          pageSize: '5000',
        },
      }),
    ),
});
