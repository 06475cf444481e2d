import "server-only";
import { prisma } from "@/lib/db/prisma";
import { checkKey, windowStartSql } from "./rate-window";

export type RateLimitHit = {
  /** A short name of what is limited and for whom, e.g. `ipn:203.0.113.9`; at most 300 characters. */
  key: string;
  /** Hits allowed per window; the hit that goes past it is refused (and still counted). */
  limit: number;
  windowSeconds: number;
  /** Tests pin the clock; the database's clock otherwise. */
  now?: Date;
};

export type RateLimitVerdict = { ok: boolean; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in the current fixed window, shared by every app instance through
 * PostgreSQL: one statement, one round trip, atomic under concurrency (INSERT … ON CONFLICT DO UPDATE
 * takes the row lock, so parallel hits are counted one by one). A fixed window lets a client send up
 * to twice `limit` across a window boundary, which is fine for throttling floods and guesses.
 */
export async function hitRateLimit({ key, limit, windowSeconds, now }: RateLimitHit): Promise<RateLimitVerdict> {
  checkKey(key);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError("limit must be a positive whole number");
  const windowStart = windowStartSql(now, windowSeconds);
  const [row] = await prisma.$queryRaw<{ hits: number; retry: number }[]>`
    WITH hit AS (
      INSERT INTO rate_limits AS r (key, window_start, hits, expires_at)
      VALUES (${key}, ${windowStart}, 1, ${windowStart} + make_interval(secs => ${windowSeconds}::int))
      ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + 1
      RETURNING r.hits, r.expires_at
    )
    SELECT hits, GREATEST(1, ceil(extract(epoch FROM expires_at - COALESCE(${now ?? null}::timestamptz, now()))))::int AS retry FROM hit`;
  const hits = row?.hits ?? Number.POSITIVE_INFINITY;
  return { ok: hits <= limit, retryAfterSeconds: hits <= limit ? 0 : row!.retry };
}
