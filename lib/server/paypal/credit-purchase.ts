import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/errors";
import type { PurchaseSource } from "@/lib/generated/prisma/enums";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { centsToDecimal } from "@/lib/paypal/money";

export type PurchaseFacts = {
  /** PayPal's transaction id: the capture id (Orders) or txn_id (IPN). Unique: credited at most once. */
  txnId: string;
  source: PurchaseSource;
  userId: number;
  itemId: number;
  itemName: string;
  priceCents: number;
  currency: string;
  credits: number;
  /** The raw notification or capture answer. */
  log: string;
  /** The Orders v2 order, for captures. */
  orderId?: string;
  webmasterId?: number;
};

export type CreditPurchaseResult = { status: "credited" | "duplicate"; txnId: string; userId: number; credits: number; balance: number };

/**
 * Credits one PayPal transaction, once: the ppv_paypal row (or a pending one turned completed) and the
 * ledger row (kind purchase, idempotency key `paypal:<txn>`) in one transaction. A second attempt for
 * the same transaction — a retried capture, the IPN of a captured order, the same IPN three times at
 * once — fails on the unique txn_id or ledger key (P2002) and answers the already-credited result.
 */
export async function creditPurchase(facts: PurchaseFacts): Promise<CreditPurchaseResult> {
  const { txnId, orderId } = facts;
  try {
    return await prisma.$transaction(async (tx) => {
      const promoted = await tx.$queryRaw<{ userid: number; credits: number }[]>`
        UPDATE ppv_paypal SET status = 'completed', log = ${facts.log}
         WHERE txn_id = ${txnId} AND status = 'pending'
        RETURNING userid, credits`;
      const row = promoted[0]
        ? { userId: promoted[0].userid, credits: promoted[0].credits }
        : await tx.purchase.create({ data: purchaseRow(facts), select: { userId: true, credits: true } });
      const { userId } = row;
      const { balance } = await applyCreditChange(tx, {
        userId, delta: row.credits, kind: "purchase", reference: `paypal:${txnId}`, idempotencyKey: `paypal:${txnId}`, reason: facts.itemName,
      });
      if (orderId) await tx.paypalOrder.update({ where: { id: orderId }, data: { status: "COMPLETED" } });
      return { status: "credited" as const, txnId, userId, credits: row.credits, balance };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.purchase.findUnique({
      where: { txnId },
      select: { credits: true, user: { select: { id: true, credits: true } } },
    });
    if (!existing) throw error;
    return { status: "duplicate", txnId, userId: existing.user.id, credits: existing.credits, balance: existing.user.credits };
  }
}

/** The ppv_paypal row of a transaction, in the seed's columns. */
export function purchaseRow(facts: PurchaseFacts, status: "completed" | "pending" = "completed") {
  return {
    txnId: facts.txnId,
    webmasterId: facts.webmasterId ?? 0,
    userId: facts.userId,
    price: centsToDecimal(facts.priceCents),
    currency: facts.currency,
    credits: facts.credits,
    itemId: facts.itemId,
    itemName: facts.itemName.slice(0, 100),
    log: facts.log,
    status,
    source: facts.source,
    orderId: facts.orderId,
  };
}
