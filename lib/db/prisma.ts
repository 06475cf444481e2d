import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, cached on globalThis so that Next's dev reloads do not open a new pool
// on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start the site with `npm start` (it starts the embedded database) or set it.");
  }
  return url;
}

/** Connections per process. Every chat write holds one for its whole (single) transaction. */
export const POOL_SIZE = 20;

/**
 * Interactive transactions: wait up to 5 s for a pooled connection (under load a request queues
 * for one rather than failing with P2028 after Prisma's default 2 s) and run at most 10 s.
 */
export const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: POOL_SIZE }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.prisma ??= createPrismaClient();
    const value = Reflect.get(globalForPrisma.prisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.prisma) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
