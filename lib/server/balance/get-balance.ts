import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { BalanceUpdate } from "@/lib/realtime/balance-events";

/** A user's balance with its version (the id of the ledger row that made it; 0 before any), read in one snapshot. */
export async function getBalance(userId: number): Promise<BalanceUpdate | null> {
  const rows = await prisma.$queryRaw<{ credits: number; version: bigint | null }[]>`
    SELECT u.credits, (SELECT max(l.id) FROM ledger_entries l WHERE l.user_id = u.id) AS version FROM users u WHERE u.id = ${userId}`;
  const row = rows[0];
  return row ? { credits: row.credits, version: Number(row.version ?? 0) } : null;
}
