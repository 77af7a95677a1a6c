import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, TODAY, type Fixture } from '../test-support/test-server.ts';
import { createApiClient } from './client.ts';

describe('the typed API client', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
  });
  afterAll(async () => f?.close());

  it('signs in, reads the caseload and records an event with typed requests and responses', async () => {
    let cookie = '';
    let csrfToken = '';
    const api = createApiClient(f.baseUrl, {
      fetch: async (input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('origin', f.baseUrl);
        if (cookie) headers.set('cookie', cookie);
        if (csrfToken) headers.set('x-csrf-token', csrfToken);
        const response = await fetch(input, { ...init, headers });
        cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
        return response;
      },
    });
    const signedIn = await api.api.session.$post({ json: { email: f.users.worker.email, password: PASSWORD } });
    expect(signedIn.status).toBe(200);
    if (signedIn.status !== 200) return;
    csrfToken = (await signedIn.json()).csrfToken;

    const caseload = await api.api.caseload.$get({ query: { from: TODAY, to: '2027-12-31', pageSize: '5' } });
    expect(caseload.status).toBe(200);
    if (caseload.status !== 200) return;
    const page = await caseload.json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]).toHaveProperty('leadAgency');

    const recorded = await api.api['young-people'][':id'].events.$post({
      param: { id: f.personId },
      json: { version: 1, event: { type: 'health.transition_planning_started', date: TODAY } },
    });
    expect(recorded.status).toBe(201);
    if (recorded.status === 201) expect((await recorded.json()).version).toBe(2);
  });
});
