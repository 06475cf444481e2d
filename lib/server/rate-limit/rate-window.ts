import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** Longest key the rate_limits table holds. */
export const MAX_RATE_LIMIT_KEY_LENGTH = 300;

/**
 * The start of the fixed window that `at` (or the database's clock) falls in, as SQL. The database's
 * clock, not the app's, so several instances agree on the window whatever their own clocks say.
 */
export function windowStartSql(at: Date | undefined, windowSeconds: number): Prisma.Sql {
  if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) throw new RangeError("windowSeconds must be a positive whole number");
  return Prisma.sql`to_timestamp(floor(extract(epoch FROM COALESCE(${at ?? null}::timestamptz, now())) / ${windowSeconds}::int) * ${windowSeconds}::int)`;
}

export function checkKey(key: string): void {
  if (key.length === 0 || key.length > MAX_RATE_LIMIT_KEY_LENGTH) throw new RangeError(`a rate-limit key has 1 to ${MAX_RATE_LIMIT_KEY_LENGTH} characters`);
}
