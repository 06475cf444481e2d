import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/errors";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { parseCents } from "@/lib/paypal/money";
import type { IpnOutcome } from "./apply-ipn";

export type TakeBackPurchaseOptions = {
  /** The refund's or reversal's own transaction id: each is applied once (ledger key `paypal:<txn>`). */
  txnId: string;
  /** The purchase it takes back. */
  parentTxnId: string;
  kind: "refund" | "reversal";
  /** |mc_gross|: a partial refund takes back its share of the credits; null = all of them. */
  amountCents: number | null;
  currency: string | undefined;
  reasonCode?: string;
};

type LockedPurchase = { id: number; userid: number; credits: number; price: string; currency: string; status: string };

/**
 * Refunded / Reversed: takes back the purchase's credits (its share, for a partial refund), never more
 * than is still credited. The balance may go below zero only here (allowNegative): the account is then
 * flagged and cannot spend until it is settled. The purchase row is locked first, so two messages about
 * the same purchase apply one after the other.
 */
export async function takeBackPurchase(options: TakeBackPurchaseOptions): Promise<IpnOutcome> {
  const { txnId, parentTxnId, kind } = options;
  const key = `paypal:${txnId}`;
  try {
    return await prisma.$transaction(async (tx) => {
      const [purchase] = await tx.$queryRaw<LockedPurchase[]>`
        SELECT id, userid, credits, price::text AS price, currency, status FROM ppv_paypal WHERE txn_id = ${parentTxnId} FOR UPDATE`;
      if (!purchase) return { outcome: "rejected", reason: `parent_txn_id ${parentTxnId} is not a purchase of this site` };
      if (options.currency !== purchase.currency) {
        return { outcome: "rejected", reason: `mc_currency ${options.currency ?? "(missing)"} is not the purchase's ${purchase.currency}` };
      }
      if (await tx.ledgerEntry.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) {
        return { outcome: "duplicate", reason: `${kind} ${txnId} was already applied` };
      }
      const status = kind === "refund" ? "refunded" : "reversed";
      if (purchase.status === "pending") {
        await tx.purchase.update({ where: { id: purchase.id }, data: { status } });
        return { outcome: status, reason: `${kind} of a pending purchase: nothing had been credited` };
      }

      const reference = `paypal:${parentTxnId}`;
      const { _sum } = await tx.ledgerEntry.aggregate({ where: { userId: purchase.userid, reference }, _sum: { delta: true } });
      const stillCredited = _sum.delta ?? 0;
      const priceCents = parseCents(purchase.price) ?? 0;
      const share = options.amountCents === null || priceCents <= 0 || options.amountCents >= priceCents
        ? purchase.credits
        : Math.ceil((purchase.credits * options.amountCents) / priceCents);
      const take = Math.min(share, stillCredited);
      if (take <= 0) return { outcome: "ignored", reason: `${kind} of ${parentTxnId}: nothing left to take back` };
      await tx.purchase.update({ where: { id: purchase.id }, data: { status } });
      const { balance } = await applyCreditChange(tx, {
        userId: purchase.userid, delta: -take, kind, reference, idempotencyKey: key, allowNegative: true,
        reason: `PayPal ${kind} of ${parentTxnId}${options.reasonCode ? ` (${options.reasonCode})` : ""}`,
      });
      return { outcome: status, reason: `${take} credits taken back from user ${purchase.userid}; balance ${balance}${balance < 0 ? " (account flagged)" : ""}` };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate", reason: `${kind} ${txnId} was already applied` };
    throw error;
  }
}
