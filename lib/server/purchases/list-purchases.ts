import "server-only";
import { periodOf } from "@/lib/admin/period";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPurchaseFilter } from "@/lib/validations/admin/purchase";

export const PURCHASES_PAGE_SIZE = 25;

export type PurchaseRow = {
  id: number;
  txnId: string;
  date: Date;
  user: { id: number; username: string; email: string };
  itemName: string;
  credits: number;
  price: string;
  currency: string;
  status: string;
  source: string;
};

/** PayPal purchases (ppv_paypal), newest first, filtered by status, source, user (id, e-mail or name) and UTC days. */
export async function listPurchases(filter: TPurchaseFilter): Promise<{ purchases: PurchaseRow[]; total: number }> {
  const where: Prisma.PurchaseWhereInput = { status: filter.status, source: filter.source };
  if (filter.user && /^\d{1,9}$/.test(filter.user)) {
    // Digits are a user id (or a username that is exactly those digits), not "contains 3".
    where.user = { OR: [{ id: Number(filter.user) }, { username: filter.user }] };
  } else if (filter.user) {
    where.user = {
      OR: [{ email: { contains: filter.user, mode: "insensitive" } }, { username: { contains: filter.user, mode: "insensitive" } }],
    };
  }
  if (filter.from || filter.to) {
    where.date = {
      ...(filter.from ? { gte: periodOf(filter.from, filter.from).start } : {}),
      ...(filter.to ? { lt: periodOf(filter.to, filter.to).end } : {}),
    };
  }
  const [rows, total] = await Promise.all([
    prisma.purchase.findMany({
      where,
      orderBy: [{ date: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PURCHASES_PAGE_SIZE,
      take: PURCHASES_PAGE_SIZE,
      include: { user: { select: { id: true, username: true, email: true } } },
    }),
    prisma.purchase.count({ where }),
  ]);
  return {
    purchases: rows.map((r) => ({
      id: r.id, txnId: r.txnId, date: r.date, user: r.user, itemName: r.itemName, credits: r.credits,
      price: r.price.toFixed(2), currency: r.currency, status: r.status, source: r.source,
    })),
    total,
  };
}
