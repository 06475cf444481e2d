import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Deletes the counters of windows that are over; returns how many. Run by the sweeper. */
export async function purgeExpiredRateLimits(now?: Date): Promise<number> {
  return prisma.$executeRaw`DELETE FROM rate_limits WHERE expires_at <= COALESCE(${now ?? null}::timestamptz, now())`;
}
