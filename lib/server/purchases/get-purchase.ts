import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PurchaseRow } from "./list-purchases";

export type PaypalMessageView = {
  id: number;
  source: string;
  txnId: string | null;
  paymentStatus: string | null;
  verification: string;
  outcome: string;
  reason: string | null;
  receivedAt: Date;
  raw: string;
};

export type PurchaseDetail = PurchaseRow & {
  log: string;
  orderId: string | null;
  /** Every PayPal message about this transaction: its own, and refunds/reversals naming it as parent. */
  messages: PaypalMessageView[];
  /** The ledger rows it caused: the credit, and any refund, reversal or cancelled reversal. */
  ledger: { id: string; createdAt: Date; kind: string; delta: number; balanceAfter: number }[];
};

export const PURCHASE_MESSAGES_LIMIT = 50;

export async function getPurchase({ purchaseId }: { purchaseId: number }): Promise<PurchaseDetail> {
  const row = await prisma.purchase.findUnique({ where: { id: purchaseId }, include: { user: { select: { id: true, username: true, email: true } } } });
  if (!row) throw new AppError("not_found", `Purchase ${purchaseId} does not exist.`);
  const [messages, ledger] = await Promise.all([
    prisma.paypalMessage.findMany({
      // A refund IPN has its own txn_id and names the purchase in parent_txn_id (ids are alphanumeric,
      // so they appear in the raw form body unencoded).
      where: { OR: [{ txnId: row.txnId }, { raw: { contains: `parent_txn_id=${row.txnId}` } }] },
      orderBy: { id: "asc" },
      // Anyone can post an IPN naming a txn_id: the page shows the first ones, never all of them.
      take: PURCHASE_MESSAGES_LIMIT,
    }),
    prisma.ledgerEntry.findMany({ where: { userId: row.userId, reference: `paypal:${row.txnId}` }, orderBy: { id: "asc" } }),
  ]);
  return {
    id: row.id, txnId: row.txnId, date: row.date, user: row.user, itemName: row.itemName, credits: row.credits,
    price: row.price.toFixed(2), currency: row.currency, status: row.status, source: row.source, log: row.log, orderId: row.orderId,
    messages,
    ledger: ledger.map((l) => ({ id: l.id.toString(), createdAt: l.createdAt, kind: l.kind, delta: l.delta, balanceAfter: l.balanceAfter })),
  };
}
