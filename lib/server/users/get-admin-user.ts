import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { UserRow } from "./search-users";

export type AdminUser = UserRow & {
  gender: string;
  performer: { id: number; displayName: string } | null;
  purchases: { id: number; txnId: string; date: Date; credits: number; price: string; currency: string; status: string; source: string }[];
};

/** One user with their most recent purchases (the ledger is paged separately, with listLedger). */
export async function getAdminUser({ userId }: { userId: number }): Promise<AdminUser> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, username: true, role: true, credits: true, blocked: true, flagged: true, createdAt: true, gender: true,
      performer: { select: { id: true, displayName: true } },
      purchases: { orderBy: { date: "desc" }, take: 50, select: { id: true, txnId: true, date: true, credits: true, price: true, currency: true, status: true, source: true } },
    },
  });
  if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
  return { ...user, purchases: user.purchases.map((p) => ({ ...p, price: p.price.toFixed(2) })) };
}
