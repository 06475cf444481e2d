import "server-only";
import { prisma } from "@/lib/db/prisma";

export type HitRateLimitOptions = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one hit on `key` in a fixed window shared by every app instance (PostgreSQL, table
 * rate_limits: one row per key, one upsert per hit) and says whether it is within `limit`.
 * retryAfterSeconds is the time left in the window (for Retry-After).
 */
export async function hitRateLimit({ key, limit, windowSeconds }: HitRateLimitOptions): Promise<{ ok: boolean; retryAfterSeconds: number }> {
  const now = Date.now();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const [row] = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key) DO UPDATE
      SET hits = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.hits + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
    RETURNING hits`;
  return { ok: (row?.hits ?? 1) <= limit, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000)) };
}
