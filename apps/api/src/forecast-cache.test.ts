import type { Forecast } from '@pathways/db';
import { describe, expect, it } from 'vitest';
import { ForecastCache } from './forecast-cache.ts';

function setUp(ttlMs: number) {
  let now = Date.parse('2026-11-22T10:00:00Z');
  const calls: string[] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const compute = (today: string, months: number) =>
    new Promise<Forecast>((resolve, reject) => {
      calls.push(`${today}/${months}`);
      pending.push({
        resolve: () => resolve({ generatedOn: today, fromMonth: '', toMonth: '', suppressBelow: 5, rows: [] }),
        reject,
      });
    });
  const cache = new ForecastCache(compute, ttlMs, () => new Date(now));
  return {
    cache,
    calls,
    settle: () => pending.splice(0).forEach((p) => p.resolve()),
    fail: () => pending.splice(0).forEach((p) => p.reject(new Error('database gone'))),
    advance: (ms: number) => (now += ms),
  };
}

describe('ForecastCache', () => {
  it('shares one computation between requests that arrive while it runs', async () => {
    const { cache, calls, settle } = setUp(0);
    const requests = [cache.get('2026-11-22', 24), cache.get('2026-11-22', 24), cache.get('2026-11-22', 24)];
    settle();
    const results = await Promise.all(requests);
    expect(calls).toEqual(['2026-11-22/24']);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.computedAt).toBe('2026-11-22T10:00:00.000Z');
  });

  it('reuses a result for its lifetime, then computes again; other days and lengths are apart', async () => {
    const { cache, calls, settle, advance } = setUp(60_000);
    const first = cache.get('2026-11-22', 24);
    settle();
    await first;
    advance(59_000);
    expect(await cache.get('2026-11-22', 24)).toBe(await first);
    const other = [cache.get('2026-11-22', 12), cache.get('2026-11-23', 24)];
    settle();
    await Promise.all(other);
    advance(2_000);
    const later = cache.get('2026-11-22', 24);
    settle();
    expect(await later).not.toBe(await first);
    expect(calls).toEqual(['2026-11-22/24', '2026-11-22/12', '2026-11-23/24', '2026-11-22/24']);
  });

  it('does not keep a failure: the next request tries again', async () => {
    const { cache, calls, fail, settle } = setUp(60_000);
    const failed = cache.get('2026-11-22', 24);
    fail();
    await expect(failed).rejects.toThrow('database gone');
    const retried = cache.get('2026-11-22', 24);
    settle();
    await expect(retried).resolves.toMatchObject({ generatedOn: '2026-11-22' });
    expect(calls).toHaveLength(2);
  });
});
