import { expect } from "vitest";
import { prisma } from "@/lib/db/prisma";

// Seed and check helpers for the PayPal tests.

export function createPack(options: { seconds?: number; price?: string; currency?: string; active?: boolean } = {}) {
  const seconds = options.seconds ?? 600;
  const price = options.price ?? "10.00";
  return prisma.creditPack.create({
    data: { seconds, price, currency: options.currency ?? "USD", description: `${seconds} credits for ${price}`, active: options.active ?? true },
  });
}

export async function creditsOf(userId: number): Promise<number> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } })).credits;
}

/** Σ ledger deltas = balance, for every user in the database. */
export async function expectLedgerMatchesBalances(): Promise<void> {
  const drift = await prisma.$queryRaw<{ id: number }[]>`
    SELECT u.id FROM users u
      LEFT JOIN (SELECT user_id, SUM(delta)::int AS total FROM ledger_entries GROUP BY user_id) l ON l.user_id = u.id
     WHERE u.credits <> COALESCE(l.total, 0)`;
  expect(drift).toEqual([]);
}
