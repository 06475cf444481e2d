import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/errors";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import type { IpnOutcome } from "./apply-ipn";

export type RestorePurchaseOptions = { txnId: string; parentTxnId: string; currency: string | undefined; reasonCode?: string };

/**
 * Canceled_Reversal: PayPal decided the dispute for the merchant, so the credits the reversal took
 * back are given back, once (ledger kind canceled_reversal, key `paypal:<txn>`), and the purchase is
 * completed again. A positive change clears the account's flag once the balance is back to ≥ 0.
 */
export async function restorePurchase({ txnId, parentTxnId, currency, reasonCode }: RestorePurchaseOptions): Promise<IpnOutcome> {
  const key = `paypal:${txnId}`;
  try {
    return await prisma.$transaction(async (tx) => {
      const [purchase] = await tx.$queryRaw<{ id: number; userid: number; currency: string; status: string }[]>`
        SELECT id, userid, currency, status FROM ppv_paypal WHERE txn_id = ${parentTxnId} FOR UPDATE`;
      if (!purchase) return { outcome: "rejected", reason: `parent_txn_id ${parentTxnId} is not a purchase of this site` };
      if (currency !== purchase.currency) {
        return { outcome: "rejected", reason: `mc_currency ${currency ?? "(missing)"} is not the purchase's ${purchase.currency}` };
      }
      if (await tx.ledgerEntry.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) {
        return { outcome: "duplicate", reason: `canceled reversal ${txnId} was already applied` };
      }
      if (purchase.status !== "reversed") return { outcome: "ignored", reason: `purchase ${parentTxnId} is ${purchase.status}, not reversed` };

      const reference = `paypal:${parentTxnId}`;
      const sum = (kind: "reversal" | "canceled_reversal") =>
        tx.ledgerEntry.aggregate({ where: { userId: purchase.userid, reference, kind }, _sum: { delta: true } }).then((r) => r._sum.delta ?? 0);
      const give = -(await sum("reversal")) - (await sum("canceled_reversal"));
      if (give <= 0) return { outcome: "ignored", reason: `nothing had been taken back from ${parentTxnId}` };
      await tx.purchase.update({ where: { id: purchase.id }, data: { status: "completed" } });
      const { balance } = await applyCreditChange(tx, {
        userId: purchase.userid, delta: give, kind: "canceled_reversal", reference, idempotencyKey: key,
        reason: `PayPal cancelled the reversal of ${parentTxnId}${reasonCode ? ` (${reasonCode})` : ""}`,
      });
      return { outcome: "restored", reason: `${give} credits given back to user ${purchase.userid}; balance ${balance}` };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate", reason: `canceled reversal ${txnId} was already applied` };
    throw error;
  }
}
