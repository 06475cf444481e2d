import "server-only";
import { prisma } from "@/lib/db/prisma";

export type LedgerLine = { id: string; createdAt: Date; kind: string; delta: number; balanceAfter: number; reference: string; reason: string | null };

export const LEDGER_PAGE_SIZE = 20;

/** One user's history, newest first, a page at a time. */
export async function listLedger(userId: number, page = 1): Promise<{ lines: LedgerLine[]; total: number }> {
  const [rows, total] = await Promise.all([
    prisma.ledgerEntry.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      skip: (Math.max(1, page) - 1) * LEDGER_PAGE_SIZE,
      take: LEDGER_PAGE_SIZE,
    }),
    prisma.ledgerEntry.count({ where: { userId } }),
  ]);
  return {
    lines: rows.map((r) => ({ id: r.id.toString(), createdAt: r.createdAt, kind: r.kind, delta: r.delta, balanceAfter: r.balanceAfter, reference: r.reference, reason: r.reason })),
    total,
  };
}
