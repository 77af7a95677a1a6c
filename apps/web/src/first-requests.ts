import { setCsrfToken } from './api/http.ts';
import { queryClient } from './api/query-client.ts';
import { caseloadQuery, sessionQuery, type SessionUser } from './api/query-options.ts';
import { caseloadWindow } from './lib/caseload-window.ts';
import { localToday } from './lib/calendar-days.ts';
import { homeOf } from './lib/home.ts';
import { adoptCouncilLanguage } from './i18n/chosen-language.ts';

/**
 * The session the server wrote into the page (`<meta name="pathways-session">`, see the API's
 * web-app.ts), or undefined where the page does not carry one (the Vite development server).
 */
export function sessionInPage(document: Document): { user: SessionUser | null; csrfToken?: string } | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="pathways-session"]')?.content;
  try {
    return content ? (JSON.parse(content) as { user: SessionUser | null; csrfToken?: string }) : undefined;
  } catch {
    return undefined; // then the app asks the API, as without one
  }
}

/**
 * Fills the query cache with the session and, on the caseload page, asks for its rows while
 * the browser is still compiling and starting the app, which then finds them in the cache.
 * Loaded as a small entry of its own before the app (vite.config.ts): the caseload of
 * thousands of rows is the page its users wait for longest.
 */
export function startFirstRequests(document: Document, location: Location) {
  const inPage = sessionInPage(document);
  if (inPage) {
    setCsrfToken(inPage.csrfToken ?? null);
    queryClient.setQueryData(sessionQuery.queryKey, inPage.user);
    adoptCouncilLanguage(inPage.user?.language);
  }
  const user = inPage ? Promise.resolve(inPage.user) : queryClient.fetchQuery(sessionQuery);
  user.then(
    (user) => {
      // Staff who work from the caseload open it by its address, or as their home page "/".
      const search = location.pathname === '/caseload' ? location.search : location.pathname === '/' ? '' : null;
      if (user && homeOf(user.role) === '/caseload' && search !== null) {
        void queryClient.prefetchQuery(
          caseloadQuery(caseloadWindow(new URLSearchParams(search), user.role, localToday()).filter),
        );
      }
    },
    () => undefined, // the app asks again and shows the error
  );
}

startFirstRequests(document, window.location);
