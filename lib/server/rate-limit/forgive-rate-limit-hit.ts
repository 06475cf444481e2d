import "server-only";
import { prisma } from "@/lib/db/prisma";
import { checkKey, windowStartSql } from "./rate-window";

/**
 * Takes back one hit of the current window, for an attempt that turned out fine (a correct password):
 * counting every attempt up front keeps parallel guesses from slipping past the limit, and forgiving
 * the good ones keeps the limit about failures.
 */
export async function forgiveRateLimitHit({ key, windowSeconds, now }: { key: string; windowSeconds: number; now?: Date }): Promise<void> {
  checkKey(key);
  await prisma.$executeRaw`
    UPDATE rate_limits SET hits = GREATEST(hits - 1, 0)
     WHERE key = ${key} AND window_start = ${windowStartSql(now, windowSeconds)}`;
}
