import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/errors";
import { purchaseRow, type PurchaseFacts } from "./credit-purchase";

/**
 * A payment PayPal reports as Pending (an e-cheque, a review, a currency the account must accept):
 * recorded as a ppv_paypal row with status pending and nothing credited. When PayPal later reports it
 * Completed (IPN, or the capture read again), creditPurchase turns the row completed and credits it.
 */
export async function recordPendingPurchase(facts: PurchaseFacts): Promise<"pending" | "duplicate"> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.purchase.create({ data: purchaseRow(facts, "pending") });
      if (facts.orderId) await tx.paypalOrder.update({ where: { id: facts.orderId }, data: { status: "PENDING" } });
    });
    return "pending";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
