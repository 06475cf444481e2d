import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { checkCapture } from "@/lib/paypal/check-capture";
import { decimalToCents } from "@/lib/paypal/money";
import { captureRequestId } from "@/lib/paypal/order-request-id";
import { ZCapturedOrder, ZPaypalError, type TCapturedOrder } from "@/lib/validations/paypal";
import { callPaypalApi, type PaypalAnswer } from "./call-paypal-api";
import { creditPurchase } from "./credit-purchase";
import { getPaypalConfig } from "./get-paypal-config";
import { getReceiverEmail } from "./get-receiver-email";
import { recordPendingPurchase } from "./record-pending-purchase";

export type CaptureOrderOptions = { userId: number; orderId: string };

export type CaptureResult = {
  orderId: string;
  /** PayPal's capture id (the ppv_paypal txn_id). */
  txnId: string;
  /** credited now, credited before (a retry), or pending at PayPal (credited when it completes). */
  status: "credited" | "already_credited" | "pending";
  credits: number;
  balance: number;
};

/** Issues that mean "the buyer's funding failed": the browser should let them choose another. */
const DECLINED_ISSUES = new Set(["INSTRUMENT_DECLINED", "PAYER_ACTION_REQUIRED", "TRANSACTION_REFUSED", "ORDER_NOT_APPROVED"]);

/**
 * POST /api/paypal/orders/[id]/capture: captures an order the buyer approved, checks PayPal's answer
 * against the order we stored (status, amount, currency, payee) and credits the pack once per capture
 * id. Only the order's owner may capture it (anyone else: 404). Retrying is safe: the capture carries a
 * PayPal-Request-Id, an already captured order is read back, and the credit is unique per capture id.
 */
export async function captureOrder({ userId, orderId }: CaptureOrderOptions): Promise<CaptureResult> {
  const order = await prisma.paypalOrder.findUnique({ where: { id: orderId }, include: { item: true } });
  if (!order || order.userId !== userId) throw new AppError("not_found", "No such PayPal order.");
  if (order.status === "REFUSED") throw mismatchError();
  const purchase = await prisma.purchase.findUnique({ where: { orderId }, include: { user: { select: { credits: true } } } });
  if (purchase && purchase.status !== "pending") {
    return { orderId, txnId: purchase.txnId, status: "already_credited", credits: purchase.credits, balance: purchase.user.credits };
  }

  // A capture PayPal held as pending is read again (not re-captured: that would replay the first answer).
  const captured = purchase ? await readOrder(orderId) : await capture(orderId);
  const expected = { orderId, amountCents: decimalToCents(order.amount), currency: order.currency };
  const check = checkCapture({ order: captured.order, expected, receiverEmail: await getReceiverEmail() });
  const txnId = check.captureId ?? null;
  if (!check.ok) {
    await record({ txnId, raw: captured.raw, status: captured.order.status, outcome: check.kind === "declined" ? "declined" : "rejected", reason: check.reason });
    if (check.kind === "declined") throw new AppError("payment_declined", "PayPal declined the payment. Nothing was charged; choose another way to pay.");
    console.error(`[paypal] capture of order ${orderId} refused: ${check.reason}`);
    await prisma.paypalOrder.update({ where: { id: orderId }, data: { status: "REFUSED" } });
    throw mismatchError();
  }

  const facts = {
    txnId: check.captureId, source: "orders" as const, userId, itemId: order.itemId, itemName: order.item.description,
    priceCents: expected.amountCents, currency: order.currency, credits: order.item.seconds, log: captured.raw, orderId,
    webmasterId: getPaypalConfig().webmasterId,
  };
  if (check.status === "PENDING") {
    const outcome = await recordPendingPurchase(facts);
    await record({ txnId: check.captureId, raw: captured.raw, status: "PENDING", outcome, reason: "PayPal holds the capture as pending: credited when it completes" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } });
    return { orderId, txnId: check.captureId, status: "pending", credits: order.item.seconds, balance: user.credits };
  }
  const result = await creditPurchase(facts);
  const outcome = result.status === "credited" ? "credited" : "duplicate";
  // Credited before through the IPN of the same capture: the order is finished all the same.
  if (outcome === "duplicate") await prisma.paypalOrder.update({ where: { id: orderId }, data: { status: "COMPLETED" } });
  await record({ txnId: check.captureId, raw: captured.raw, status: "COMPLETED", outcome, reason: `${result.credits} credits for user ${userId}` });
  console.info(`[paypal] order ${orderId} capture ${check.captureId}: ${outcome}, ${result.credits} credits for user ${userId}`);
  return { orderId, txnId: check.captureId, status: result.status === "credited" ? "credited" : "already_credited", credits: result.credits, balance: result.balance };
}

type CapturedAnswer = { order: TCapturedOrder; raw: string };

const orderPath = (orderId: string) => `/v2/checkout/orders/${encodeURIComponent(orderId)}`;

/** Captures the order; an order captured before (e.g. the first attempt's answer was lost) is read back. */
async function capture(orderId: string): Promise<CapturedAnswer> {
  const answer = await callPaypalApi({ method: "POST", path: `${orderPath(orderId)}/capture`, requestId: captureRequestId(orderId) });
  const issues = ZPaypalError.safeParse(answer.body).data?.details?.map((d) => d.issue) ?? [];
  if (answer.status === 422 && issues.includes("ORDER_ALREADY_CAPTURED")) return readOrder(orderId);
  if (issues.some((issue) => DECLINED_ISSUES.has(issue))) {
    await record({ txnId: null, raw: answer.text, status: issues.join(","), outcome: "declined", reason: `capture refused: ${issues.join(", ")}` });
    throw new AppError("payment_declined", "PayPal declined the payment. Nothing was charged; choose another way to pay.");
  }
  return parseAnswer(orderId, answer);
}

async function readOrder(orderId: string): Promise<CapturedAnswer> {
  return parseAnswer(orderId, await callPaypalApi({ method: "GET", path: orderPath(orderId) }));
}

function parseAnswer(orderId: string, answer: PaypalAnswer): CapturedAnswer {
  if (answer.status === 404) throw new AppError("not_found", "PayPal does not know this order.");
  const parsed = ZCapturedOrder.safeParse(answer.body);
  if (answer.status < 200 || answer.status > 299 || !parsed.success) {
    console.error(`[paypal] capture of ${orderId}: HTTP ${answer.status} ${answer.text.slice(0, 500)}`);
    throw new AppError("paypal_unavailable", "PayPal could not complete the payment. Try again in a moment.");
  }
  return { order: parsed.data, raw: answer.text };
}

type RecordOptions = { txnId: string | null; raw: string; status: string; outcome: string; reason: string };

/** Every capture answer is kept in paypal_messages (source orders) beside the IPNs, with its outcome. */
async function record({ txnId, raw, status, outcome, reason }: RecordOptions): Promise<void> {
  await prisma.paypalMessage.create({
    data: { source: "orders", txnId, paymentStatus: status.slice(0, 32), raw, verification: "api", outcome, reason },
  });
}

function mismatchError(): AppError {
  return new AppError("payment_mismatch", "PayPal's answer did not match this order, so nothing was credited. Contact support.");
}
