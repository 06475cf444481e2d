import "server-only";
import { prisma } from "@/lib/db/prisma";

export const ADMIN_LEDGER_PAGE_SIZE = 25;

export type AdminLedgerLine = {
  id: string;
  createdAt: Date;
  kind: string;
  delta: number;
  balanceAfter: number;
  reference: string;
  reason: string | null;
  /** The admin who made an admin_adjustment. */
  actor: string | null;
};

/** One user's ledger for the admin, newest first, with who made each adjustment. */
export async function listAdminLedger({ userId, page = 1 }: { userId: number; page?: number }): Promise<{ lines: AdminLedgerLine[]; total: number }> {
  const [rows, total] = await Promise.all([
    prisma.ledgerEntry.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      skip: (Math.max(1, page) - 1) * ADMIN_LEDGER_PAGE_SIZE,
      take: ADMIN_LEDGER_PAGE_SIZE,
      include: { actor: { select: { username: true } } },
    }),
    prisma.ledgerEntry.count({ where: { userId } }),
  ]);
  return {
    lines: rows.map((r) => ({
      id: r.id.toString(), createdAt: r.createdAt, kind: r.kind, delta: r.delta, balanceAfter: r.balanceAfter, reference: r.reference, reason: r.reason,
      actor: r.actor?.username ?? null,
    })),
    total,
  };
}
