import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { sendTip, type SendTipOptions, type SentTip } from "./send-tip";

export type SendMenuTipOptions = {
  userId: number;
  performerId: number;
  menuItemId: number;
  /** The price the viewer saw and confirmed; refused if the performer changed the item since. */
  expectedCredits?: number;
  now?: Date;
  /** As sendTip's: the caller's key and who chose it (ledger-key.ts). */
  idempotency?: SendTipOptions["idempotency"];
  db?: Tx;
};

/**
 * A tip from the performer's tip menu ("Dance — 50 credits"): a tip of the item's price, through the
 * one tip function, with the item recorded on the tip (its label as it was, for reports).
 */
export async function sendMenuTip({ menuItemId, expectedCredits, ...options }: SendMenuTipOptions): Promise<SentTip> {
  const item = await (options.db ?? prisma).tipMenuItem.findUnique({ where: { id: menuItemId }, select: { performerId: true, label: true, credits: true, active: true } });
  if (!item || item.performerId !== options.performerId || !item.active) {
    throw new AppError("not_found", `Tip menu item ${menuItemId} is not on performer ${options.performerId}'s menu.`);
  }
  if (expectedCredits !== undefined && expectedCredits !== item.credits) {
    throw new AppError("invalid_request", `"${item.label}" now costs ${item.credits} credits; confirm the new price.`);
  }
  return sendTip({ ...options, credits: item.credits, item: { id: menuItemId, label: item.label } });
}
