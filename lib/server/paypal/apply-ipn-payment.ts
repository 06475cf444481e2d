import "server-only";
import { prisma } from "@/lib/db/prisma";
import { checkIpnPayment, parseIpnId } from "@/lib/paypal/check-ipn";
import { decimalToCents } from "@/lib/paypal/money";
import type { TIpnFields } from "@/lib/validations/paypal";
import type { IpnOutcome } from "./apply-ipn";
import { creditPurchase } from "./credit-purchase";
import { getPaypalConfig } from "./get-paypal-config";
import { recordPendingPurchase } from "./record-pending-purchase";

/** Buy-now payments (web_accept) and Orders v2 payments (express_checkout); a missing txn_type too. */
const PURCHASE_TXN_TYPES = new Set([undefined, "web_accept", "express_checkout"]);

/**
 * A Completed or Pending payment. The pack (item_number) and the user (custom) must exist, and the
 * amount and currency must be the pack's; a transaction already known (credited by a capture or an
 * earlier IPN) is a duplicate. Pending records the purchase without credits; Completed credits the
 * pack's credits once (creditPurchase), turning an earlier pending row of the same txn_id completed.
 */
export async function applyIpnPayment({ fields, raw }: { fields: TIpnFields; raw: string }): Promise<IpnOutcome> {
  const txnId = fields.txn_id ?? "";
  if (!/^[A-Za-z0-9]{1,64}$/.test(txnId)) return rejected(`txn_id ${txnId || "(missing)"} is not a PayPal transaction id`);
  if (!PURCHASE_TXN_TYPES.has(fields.txn_type)) return rejected(`txn_type ${fields.txn_type} is not a credit pack purchase`);

  const known = await prisma.purchase.findUnique({ where: { txnId } });
  if (known && (known.status !== "pending" || fields.payment_status === "Pending")) {
    return { outcome: "duplicate", reason: `txn_id ${txnId} is already recorded (${known.source}, ${known.status})` };
  }
  // A pending purchase already names the user and the pack (the capture's order, or the Pending IPN).
  const userId = known?.userId ?? parseIpnId(fields.custom);
  const itemId = known?.itemId ?? parseIpnId(fields.item_number);
  if (itemId === null) return rejected(`item_number ${fields.item_number ?? "(missing)"} is not a credit pack id`);
  if (userId === null) return rejected(`custom ${fields.custom ?? "(missing)"} is not a user id`);
  const [pack, user] = await Promise.all([
    prisma.creditPack.findUnique({ where: { id: itemId } }),
    prisma.user.findUnique({ where: { id: userId }, select: { id: true } }),
  ]);
  if (!pack) return rejected(`unknown pack: item_number ${itemId}`);
  if (!user) return rejected(`unknown user: custom ${userId}`);

  const priceCents = decimalToCents(known?.price ?? pack.price);
  const currency = known?.currency ?? pack.currency;
  const check = checkIpnPayment({ fields, priceCents, currency });
  if (!check.ok) return rejected(check.reason);

  const facts = {
    txnId, source: "ipn" as const, userId, itemId, itemName: pack.description, priceCents, currency,
    credits: known?.credits ?? pack.seconds, log: raw, webmasterId: getPaypalConfig().webmasterId,
  };
  if (fields.payment_status === "Pending") {
    const outcome = await recordPendingPurchase(facts);
    if (outcome === "duplicate") return { outcome, reason: `txn_id ${txnId} is already recorded` };
    return { outcome, reason: `pending (${fields.pending_reason ?? "no reason given"}): credited when PayPal sends Completed` };
  }
  const result = await creditPurchase(facts);
  if (result.status === "duplicate") return { outcome: "duplicate", reason: `txn_id ${txnId} was already credited` };
  return { outcome: "credited", reason: `${result.credits} credits for user ${userId} (pack ${itemId}); balance ${result.balance}` };
}

const rejected = (reason: string): IpnOutcome => ({ outcome: "rejected", reason });
