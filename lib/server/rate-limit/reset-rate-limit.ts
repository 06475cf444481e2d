import "server-only";
import { prisma } from "@/lib/db/prisma";
import { checkKey } from "./rate-window";

/** Forgets every hit counted against `key` (e.g. a pair's failed sign-ins once the password is right). */
export async function resetRateLimit(key: string): Promise<void> {
  checkKey(key);
  await prisma.$executeRaw`DELETE FROM rate_limits WHERE key = ${key}`;
}
