import type { Forecast } from '@pathways/db';

/**
 * The commissioning forecast counts every open milestone in the county: too much work to
 * repeat for each request, and it changes slowly (a commissioner plans by the month). One
 * computation is shared by the requests that arrive while it runs, and its result is reused
 * for `ttlMs` (per "today" and number of months). The response carries `computedAt`.
 */
export class ForecastCache {
  readonly #entries = new Map<string, { promise: Promise<Forecast & { computedAt: string }>; expiresAt: number }>();

  constructor(
    private readonly compute: (today: string, months: number, areaId: string | null) => Promise<Forecast>,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  get(today: string, months: number, areaId: string | null = null): Promise<Forecast & { computedAt: string }> {
    const key = `${today}/${months}/${areaId ?? 'all'}`;
    const now = this.clock().getTime();
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt > now) return cached.promise;
    for (const [other, entry] of this.#entries)
      if (entry.expiresAt <= now && other !== key) this.#entries.delete(other);
    const promise = this.compute(today, months, areaId).then((forecast) => ({
      ...forecast,
      computedAt: this.clock().toISOString(),
    }));
    // Until it settles every request shares it; a failure is not kept.
    const entry = { promise, expiresAt: Number.POSITIVE_INFINITY };
    this.#entries.set(key, entry);
    promise.then(
      () => (entry.expiresAt = this.clock().getTime() + this.ttlMs),
      () => this.#entries.get(key) === entry && this.#entries.delete(key),
    );
    return promise;
  }
}
