import "server-only";

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * At most `limit` actions per key in any `windowMs`. In memory, per app instance: behind several
 * instances a user gets `limit` per instance they reach, which is enough to stop a flood; a shared
 * limit would need a round trip to the database on every chat line.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string | number, number[]>();
  private calls = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  take(key: string | number, now = Date.now()): RateVerdict {
    if (++this.calls % 1000 === 0) this.prune(now);
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) <= now - this.windowMs) this.hits.delete(key);
  }
}
