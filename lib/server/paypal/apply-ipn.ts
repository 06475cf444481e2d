import "server-only";
import { checkIpnOrigin } from "@/lib/paypal/check-ipn";
import { parseCents } from "@/lib/paypal/money";
import type { TIpnFields } from "@/lib/validations/paypal";
import { applyIpnPayment } from "./apply-ipn-payment";
import { getPaypalConfig } from "./get-paypal-config";
import { getReceiverEmail } from "./get-receiver-email";
import { restorePurchase } from "./restore-purchase";
import { takeBackPurchase } from "./take-back-purchase";

/** What became of a message: credited, pending, refunded, reversed, restored, duplicate, rejected, ignored, error. */
export type IpnOutcome = { outcome: string; reason: string };

const TXN_ID = /^[A-Za-z0-9]{1,64}$/;

/**
 * A VERIFIED IPN: ours and allowed in this mode? Then the payment_status decides, from an allow-list;
 * any other status (Denied, Failed, Voided, Expired, …) is recorded and ignored.
 */
export async function applyIpn({ fields, raw }: { fields: TIpnFields; raw: string }): Promise<IpnOutcome> {
  const { mode } = getPaypalConfig();
  const origin = checkIpnOrigin({ fields, mode, receiverEmail: await getReceiverEmail() });
  if (!origin.ok) return { outcome: "rejected", reason: origin.reason };
  const status = fields.payment_status;
  if (status === "Completed" || status === "Pending") return applyIpnPayment({ fields, raw });

  if (status === "Refunded" || status === "Reversed" || status === "Canceled_Reversal") {
    const txnId = fields.txn_id ?? "";
    const parentTxnId = fields.parent_txn_id ?? "";
    if (!TXN_ID.test(txnId) || !TXN_ID.test(parentTxnId)) return { outcome: "rejected", reason: `${status} needs txn_id and parent_txn_id` };
    const common = { txnId, parentTxnId, currency: fields.mc_currency, reasonCode: fields.reason_code };
    if (status === "Canceled_Reversal") return restorePurchase(common);
    const gross = parseCents(fields.mc_gross);
    return takeBackPurchase({ ...common, kind: status === "Refunded" ? "refund" : "reversal", amountCents: gross === null ? null : Math.abs(gross) });
  }
  return { outcome: "ignored", reason: `payment_status ${status ?? "(missing)"} needs no action` };
}
