import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, type Fixture } from '../test-support/test-server.ts';
import { serviceDay } from './service-day.ts';

describe('the service’s day', () => {
  it('turns over at the service’s midnight, not UTC’s', () => {
    // British summer time: 00:30 on 1 July in London is 23:30 on 30 June in UTC.
    expect(serviceDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(serviceDay(new Date('2026-06-30T22:59:00Z'))).toBe('2026-06-30');
    // Winter: London is on UTC.
    expect(serviceDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(serviceDay(new Date('2026-12-31T23:30:00Z'), 'Europe/Copenhagen')).toBe('2027-01-01');
    expect(serviceDay(new Date('2026-06-30T23:30:00Z'), 'UTC')).toBe('2026-06-30');
  });

  describe('in the API', () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await startTestServer('PGlite', () => new Date('2026-06-30T23:30:00Z'));
    });
    afterAll(async () => f?.close());

    it('plans as of the service’s today', async () => {
      const worker = await signIn(f, f.users.worker.email);
      expect((await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`)).body.asOf).toBe('2026-07-01');
    });
  });
});
