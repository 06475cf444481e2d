import type { TCapturedOrder } from "@/lib/validations/paypal";
import { formatAmount, parseCents } from "./money";

// A capture answer from PayPal, checked against the order we stored when we created it: the amount and
// currency come from our database, never from the browser or from PayPal's word alone.

export type CaptureCheck =
  | { ok: true; captureId: string; status: "COMPLETED" | "PENDING" }
  | { ok: false; kind: "declined" | "mismatch"; reason: string; captureId?: string };

export type CheckCaptureOptions = {
  order: TCapturedOrder;
  expected: { orderId: string; amountCents: number; currency: string };
  /** PAYPAL_RECEIVER_EMAIL (or the settings' receiver): the payee must be this account when set. */
  receiverEmail: string | undefined;
};

export function checkCapture({ order, expected, receiverEmail }: CheckCaptureOptions): CaptureCheck {
  const mismatch = (reason: string, captureId?: string): CaptureCheck => ({ ok: false, kind: "mismatch", reason, captureId });
  if (order.id !== expected.orderId) return mismatch(`PayPal answered for order ${order.id}, not ${expected.orderId}`);
  if (order.purchase_units.length !== 1) return mismatch(`the order has ${order.purchase_units.length} purchase units, not 1`);
  const unit = order.purchase_units[0]!;
  const captures = unit.payments?.captures ?? [];
  if (captures.length !== 1) return mismatch(`the order has ${captures.length} captures, not 1`);
  const capture = captures[0]!;
  if (capture.status !== "COMPLETED" && capture.status !== "PENDING") {
    return { ok: false, kind: "declined", reason: `capture status ${capture.status}`, captureId: capture.id };
  }
  if (capture.amount.currency_code !== expected.currency) {
    return mismatch(`captured currency ${capture.amount.currency_code} is not the order's ${expected.currency}`, capture.id);
  }
  if (parseCents(capture.amount.value) !== expected.amountCents) {
    const want = formatAmount(expected.amountCents, expected.currency);
    return mismatch(`captured amount ${capture.amount.value} is not the order's ${want}`, capture.id);
  }
  if (receiverEmail) {
    const payee = unit.payee?.email_address?.trim().toLowerCase();
    if (payee !== receiverEmail.trim().toLowerCase()) return mismatch(`payee ${payee ?? "(missing)"} is not ${receiverEmail}`, capture.id);
  }
  return { ok: true, captureId: capture.id, status: capture.status };
}
